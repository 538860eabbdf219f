package dev.ctx.keyservice.escrow;

import static dev.ctx.keyservice.escrow.EscrowFixture.FROM;
import static dev.ctx.keyservice.escrow.EscrowFixture.TXN;
import static dev.ctx.keyservice.escrow.EscrowFixture.filing;
import static dev.ctx.keyservice.escrow.EscrowFixture.passwordOnly;
import static dev.ctx.keyservice.escrow.EscrowFixture.steppedUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.auth.Role;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/** The escrow workflow's rules, on the real key lifecycle and escrow key. */
class EscrowServiceTest {

    private static final Identity AUDITOR = steppedUp("auditor-7", Role.AUDITOR);
    private static final Identity OFFICER_1 = steppedUp("officer-1", Role.COMPLIANCE_OFFICER);
    private static final Identity OFFICER_2 = steppedUp("officer-2", Role.COMPLIANCE_OFFICER);

    @TempDir
    Path dir;

    private EscrowFixture fixture;

    private EscrowFixture fixture() {
        return fixture(1);
    }

    private EscrowFixture fixture(int maxOpens) {
        fixture = new EscrowFixture(dir, maxOpens);
        return fixture;
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private EscrowCase filed(EscrowFixture f) {
        return f.service.file(AUDITOR, FROM, filing());
    }

    private EscrowCase approved(EscrowFixture f) {
        String id = filed(f).requestId();
        f.service.approve(OFFICER_1, FROM, id);
        return f.service.approve(OFFICER_2, FROM, id);
    }

    /** Runs {@code call}, expects {@code refusal}, and exactly one new ESCROW_DENIED event naming it. */
    private static void assertRefusedWithOneDeniedEvent(EscrowFixture f, EscrowRefusal refusal, Runnable call) {
        int before = f.denials.size();
        int commitsBefore = f.log.commits.size();
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        EscrowRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(refusal));
        List<AccessEvent> added = f.denials.subList(before, f.denials.size());
        assertThat(added).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo(AccessEventType.ESCROW_DENIED);
            assertThat(e.getOutcome()).isEqualTo(AccessOutcome.DENIED);
            assertThat(e.getReason()).startsWith(refusal.name() + ": ");
            assertThat(e.getAttributes()).containsEntry("status", Integer.toString(refusal.status()));
        });
        assertThat(f.log.commits.stream().skip(commitsBefore))
                .as("a refusal changes no state, except an expiry it finds due")
                .allSatisfy(c -> assertThat(c.escrowCase().state()).isEqualTo(EscrowState.EXPIRED));
    }

    @Test
    void filingRecordsTheRequestAndItsRequestedEventInOneCommit() {
        // Given
        EscrowFixture f = fixture();
        // When
        EscrowCase filed = filed(f);
        // Then
        assertThat(filed.state()).isEqualTo(EscrowState.FILED);
        assertThat(filed.requestedBy()).isEqualTo("auditor-7");
        assertThat(filed.fields()).containsExactly("amount", "pricing", "settlementDetails");
        assertThat(filed.expiresAt()).isEqualTo(EscrowFixture.NOW.plus(Duration.ofDays(7)));
        assertThat(f.log.commits).singleElement().satisfies(c -> {
            assertThat(c.escrowCase()).isEqualTo(filed);
            assertThat(c.events()).singleElement().satisfies(e -> {
                assertThat(e.getType()).isEqualTo(AccessEventType.ESCROW_REQUESTED);
                assertThat(e.getSubject()).isEqualTo(filed.requestId());
                assertThat(e.getAttributes())
                        .containsEntry("requestId", filed.requestId())
                        .containsEntry("authorizationReference", "CO-2026-17")
                        .containsEntry("approvers", "");
            });
        });
    }

    @Test
    void oneApprovalIsNotEnough() {
        // Given
        EscrowFixture f = fixture();
        String id = filed(f).requestId();
        // When
        EscrowCase once = f.service.approve(OFFICER_1, FROM, id);
        // Then
        assertThat(once.state()).isEqualTo(EscrowState.FILED);
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.NOT_APPROVED, () -> f.service.open(AUDITOR, FROM, id));
    }

    @Test
    void twoDistinctOfficersApprove() {
        // Given
        EscrowFixture f = fixture();
        // When
        EscrowCase approved = approved(f);
        // Then
        assertThat(approved.state()).isEqualTo(EscrowState.APPROVED);
        assertThat(approved.approvers()).containsExactly("officer-1", "officer-2");
        assertThat(f.log.events())
                .filteredOn(e -> e.getType() == AccessEventType.ESCROW_APPROVED)
                .extracting(AccessEvent::getRequester)
                .containsExactly("officer-1", "officer-2");
    }

    @Test
    void selfApprovalIsRefused() {
        // Given: a compliance officer files, then approves its own request
        EscrowFixture f = fixture();
        String id = f.service.file(OFFICER_1, FROM, filing()).requestId();
        // When / Then
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.SELF_APPROVAL, () -> f.service.approve(OFFICER_1, FROM, id));
        assertThat(f.service.approve(OFFICER_2, FROM, id).approvers()).containsExactly("officer-2");
    }

    @Test
    void theSameOfficerTwiceCountsOnce() {
        // Given
        EscrowFixture f = fixture();
        String id = filed(f).requestId();
        f.service.approve(OFFICER_1, FROM, id);
        // When / Then
        assertRefusedWithOneDeniedEvent(
                f, EscrowRefusal.DUPLICATE_APPROVAL, () -> f.service.approve(OFFICER_1, FROM, id));
        EscrowCase known = f.table.get(id).orElseThrow();
        assertThat(known.approvers()).containsExactly("officer-1");
        assertThat(known.state()).isEqualTo(EscrowState.FILED);
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.NOT_APPROVED, () -> f.service.open(AUDITOR, FROM, id));
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"PARTICIPANT", "OPERATOR", "AUDITOR"})
    void onlyComplianceOfficersApprove(Role role) {
        // Given
        EscrowFixture f = fixture();
        String id = filed(f).requestId();
        // When / Then
        assertRefusedWithOneDeniedEvent(
                f, EscrowRefusal.ROLE_NOT_ALLOWED, () -> f.service.approve(steppedUp("someone", role), FROM, id));
        assertThat(f.table.get(id).orElseThrow().approvals()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"PARTICIPANT", "OPERATOR"})
    void participantsAndOperatorsCannotFile(Role role) {
        // Given
        EscrowFixture f = fixture();
        // When / Then
        assertRefusedWithOneDeniedEvent(
                f, EscrowRefusal.ROLE_NOT_ALLOWED, () -> f.service.file(steppedUp("someone", role), FROM, filing()));
        assertThat(f.table.size()).isZero();
    }

    static Stream<Arguments> stepUpIsMandatory() {
        return Stream.of(
                Arguments.of("file", (BiConsumer<EscrowService, String>)
                        (s, id) -> s.file(passwordOnly("auditor-7", Role.AUDITOR), FROM, filing())),
                Arguments.of("approve", (BiConsumer<EscrowService, String>)
                        (s, id) -> s.approve(passwordOnly("officer-1", Role.COMPLIANCE_OFFICER), FROM, id)),
                Arguments.of("open", (BiConsumer<EscrowService, String>)
                        (s, id) -> s.open(passwordOnly("auditor-7", Role.AUDITOR), FROM, id)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void stepUpIsMandatory(String action, BiConsumer<EscrowService, String> call) {
        // Given: the request is approved, so only the missing second factor can refuse the open
        EscrowFixture f = fixture();
        String id = approved(f).requestId();
        // When / Then
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.STEP_UP_REQUIRED, () -> call.accept(f.service, id));
    }

    @Test
    void theOpenPathReturnsExactlyTheProducersValues() {
        // Given
        EscrowFixture f = fixture();
        String id = approved(f).requestId();
        // When
        EscrowOpenResult result = f.service.open(AUDITOR, FROM, id);
        // Then
        assertThat(result.escrowCase().state()).isEqualTo(EscrowState.OPENED);
        assertThat(result.escrowCase().opens()).isEqualTo(1);
        EscrowOpenedTransaction opened = result.transactions().get(0);
        assertThat(opened.status()).isEqualTo("OPENED");
        var input = f.sample.input;
        assertThat(opened.fields()).containsEntry("amount", input.getAmount().toPlainString());
        assertThat(opened.fields().get("pricing"))
                .isEqualTo(Map.of(
                        "unitPrice", input.getPricing().getUnitPrice().toPlainString(),
                        "quantity", input.getPricing().getQuantity().toPlainString(),
                        "fee", input.getPricing().getFee().toPlainString(),
                        "pricingModel", input.getPricing().getPricingModel(),
                        "attributes", Map.of("tier", "gold")));
        assertThat(opened.fields().get("settlementDetails"))
                .isEqualTo(Map.of(
                        "method", "sepa",
                        "accountReference", "DE89-3704-0044",
                        "settlementDate", "2026-06-02T09:30:00Z",
                        "attributes", Map.of("batch", "b-9")));
    }

    @Test
    void onlyTheRequestedFieldsAreOpened() {
        // Given
        EscrowFixture f = fixture();
        EscrowFiling amountOnly = new EscrowFiling(
                List.of(TXN), "CO-1", "court order", "case", List.of("amount"), null, Duration.ofDays(1));
        String id = f.service.file(AUDITOR, FROM, amountOnly).requestId();
        f.service.approve(OFFICER_1, FROM, id);
        f.service.approve(OFFICER_2, FROM, id);
        // When
        EscrowOpenResult result = f.service.open(AUDITOR, FROM, id);
        // Then
        assertThat(result.transactions().get(0).fields()).containsOnlyKeys("amount");
    }

    @Test
    void eachTransactionOpenedIsOneOpenedEventCommittedWithTheCountedOpen() {
        // Given
        EscrowFixture f = fixture();
        String id = approved(f).requestId();
        // When
        f.service.open(AUDITOR, FROM, id);
        // Then
        RecordingEscrowLog.Commit open = f.log.commits.get(f.log.commits.size() - 1);
        assertThat(open.escrowCase().opens()).isEqualTo(1);
        assertThat(open.events()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo(AccessEventType.ESCROW_OPENED);
            assertThat(e.getTransactionId()).isEqualTo(TXN);
            assertThat(e.getRequester()).isEqualTo("auditor-7");
            assertThat(e.getDataAccessed()).containsExactly("amount", "pricing", "settlementDetails");
            assertThat(e.getAttributes())
                    .containsEntry("requestId", id)
                    .containsEntry("authorizationReference", "CO-2026-17")
                    .containsEntry("approvers", "officer-1,officer-2");
        });
        assertThat(open.events().toString()).doesNotContain("1250", "DE89");
    }

    @Test
    void theEscrowKeyIsUnsealedWithAKeyOpenedEventAndDestroyedAfterTheCall() {
        // Given
        EscrowFixture f = fixture();
        String id = approved(f).requestId();
        int before = f.lifecycle.store.events().size();
        // When
        List<RecipientPrivateKey> kept = new ArrayList<>();
        f.escrowKeys.withEscrowKeysForOneOpen(FROM, id, keys -> kept.add(keys.version(1)));
        // Then
        assertThat(kept)
                .singleElement()
                .satisfies(k -> assertThat(k.isDestroyed()).isTrue());
        assertThat(f.lifecycle
                        .store
                        .events()
                        .subList(before, f.lifecycle.store.events().size()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getType()).isEqualTo(AccessEventType.KEY_OPENED);
                    assertThat(e.getSubject()).isEqualTo("__escrow");
                    assertThat(e.getAttributes()).containsEntry("escrowRequestId", id);
                });
    }

    @Test
    void theCapabilityIsHandedOverOnlyOnce() {
        // Given: the fixture took it already
        EscrowFixture f = fixture();
        // When / Then
        assertThatThrownBy(f.lifecycle.keys::handOverEscrowKeyUnsealingOnce).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNonRequesterCannotOpen() {
        // Given
        EscrowFixture f = fixture();
        String id = approved(f).requestId();
        // When / Then
        assertRefusedWithOneDeniedEvent(
                f, EscrowRefusal.NOT_REQUESTER, () -> f.service.open(steppedUp("auditor-8", Role.AUDITOR), FROM, id));
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.NOT_REQUESTER, () -> f.service.open(OFFICER_1, FROM, id));
    }

    @Test
    void openingMoreThanTheAllowedCountIsRefused() {
        // Given
        EscrowFixture f = fixture(1);
        String id = approved(f).requestId();
        f.service.open(AUDITOR, FROM, id);
        // When / Then
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.OPEN_LIMIT_REACHED, () -> f.service.open(AUDITOR, FROM, id));
    }

    @Test
    void aRequestMayBeOpenedUpToItsConfiguredCount() {
        // Given
        EscrowFixture f = fixture(2);
        String id = approved(f).requestId();
        // When
        f.service.open(AUDITOR, FROM, id);
        EscrowOpenResult second = f.service.open(AUDITOR, FROM, id);
        // Then
        assertThat(second.escrowCase().opens()).isEqualTo(2);
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.OPEN_LIMIT_REACHED, () -> f.service.open(AUDITOR, FROM, id));
    }

    @Test
    void aRejectedRequestCannotBeOpened() {
        // Given
        EscrowFixture f = fixture();
        String id = approved(f).requestId();
        EscrowCase rejected = f.service.reject(steppedUp("officer-3", Role.COMPLIANCE_OFFICER), FROM, id, "no basis");
        // When / Then
        assertThat(rejected.state()).isEqualTo(EscrowState.REJECTED);
        assertThat(rejected.closingReason()).isEqualTo("no basis");
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.REQUEST_CLOSED, () -> f.service.open(AUDITOR, FROM, id));
    }

    @Test
    void aWithdrawnRequestCannotBeOpened() {
        // Given
        EscrowFixture f = fixture();
        String id = approved(f).requestId();
        f.service.withdraw(AUDITOR, FROM, id);
        // When / Then
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.REQUEST_CLOSED, () -> f.service.open(AUDITOR, FROM, id));
    }

    @Test
    void anExpiredRequestCannotBeOpenedAndItsExpiryIsRecorded() {
        // Given
        EscrowFixture f = fixture();
        String id = approved(f).requestId();
        f.clock.advance(Duration.ofDays(7));
        // When / Then
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.REQUEST_EXPIRED, () -> f.service.open(AUDITOR, FROM, id));
        assertThat(f.table.get(id).orElseThrow().state()).isEqualTo(EscrowState.EXPIRED);
        assertThat(f.log.events())
                .filteredOn(e -> e.getType() == AccessEventType.ESCROW_EXPIRED)
                .singleElement()
                .satisfies(e -> assertThat(e.getRequester()).isEqualTo("system:escrow-expiry"));
    }

    @Test
    void theSweepExpiresOpenRequestsPastTheirExpiryOnly() {
        // Given
        EscrowFixture f = fixture();
        String due = filed(f).requestId();
        String withdrawn = filed(f).requestId();
        f.service.withdraw(AUDITOR, FROM, withdrawn);
        f.clock.advance(Duration.ofDays(8));
        String fresh = filed(f).requestId();
        // When
        int expired = f.service.expireDue();
        // Then
        assertThat(expired).isEqualTo(1);
        assertThat(f.table.get(due).orElseThrow().state()).isEqualTo(EscrowState.EXPIRED);
        assertThat(f.table.get(withdrawn).orElseThrow().state()).isEqualTo(EscrowState.WITHDRAWN);
        assertThat(f.table.get(fresh).orElseThrow().state()).isEqualTo(EscrowState.FILED);
    }

    @Test
    void onlyTheRequesterWithdraws() {
        // Given
        EscrowFixture f = fixture();
        String id = filed(f).requestId();
        // When / Then
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.NOT_REQUESTER, () -> f.service.withdraw(OFFICER_1, FROM, id));
    }

    @Test
    void anUnknownRequestIsOneDeniedEvent() {
        // Given
        EscrowFixture f = fixture();
        // When / Then
        assertRefusedWithOneDeniedEvent(
                f, EscrowRefusal.UNKNOWN_REQUEST, () -> f.service.open(AUDITOR, FROM, "no-such-request"));
    }

    @Test
    void nothingOpenableIsRefusedAndNotCounted() {
        // Given: the view no longer knows the transaction
        EscrowFixture f = fixture();
        String id = approved(f).requestId();
        f.view.put(TXN, new LookupResult.Shredded(TXN));
        // When / Then
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.NOTHING_OPENED, () -> f.service.open(AUDITOR, FROM, id));
        assertThat(f.table.get(id).orElseThrow().opens()).isZero();
    }

    @Test
    void aTamperedTransactionIsReportedAsAnIntegrityFailure() {
        // Given
        EscrowFixture f = fixture();
        EscrowFiling two = new EscrowFiling(
                List.of(TXN, "txn-unknown"), "CO-1", "court order", "case", null, null, Duration.ofDays(1));
        String id = f.service.file(AUDITOR, FROM, two).requestId();
        f.service.approve(OFFICER_1, FROM, id);
        f.service.approve(OFFICER_2, FROM, id);
        f.view.put(TXN, new LookupResult.Found(f.sample.withTamperedCiphertext(), f.sample.envelope));
        // When / Then: nothing opened, so nothing is counted
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.NOTHING_OPENED, () -> f.service.open(AUDITOR, FROM, id));
        assertThat(f.denials.get(f.denials.size() - 1).getReason())
                .contains(TXN + " INTEGRITY_FAILURE", "txn-unknown UNKNOWN_TRANSACTION");
    }

    @Test
    void aFailedWriteChangesNothing() {
        // Given
        EscrowFixture f = fixture();
        String id = filed(f).requestId();
        f.log.failing = true;
        // When
        assertThatThrownBy(() -> f.service.approve(OFFICER_1, FROM, id))
                .isInstanceOfSatisfying(
                        EscrowRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(EscrowRefusal.STORE_UNAVAILABLE));
        // Then
        assertThat(f.table.get(id).orElseThrow().approvals()).isEmpty();
    }

    @Test
    void aRestartMidWorkflowKeepsEveryRequestsState() {
        // Given: one request per state
        EscrowFixture f = fixture();
        String filed = filed(f).requestId();
        String halfApproved = filed(f).requestId();
        f.service.approve(OFFICER_1, FROM, halfApproved);
        String approved = approved(f).requestId();
        String opened = approved(f).requestId();
        f.service.open(AUDITOR, FROM, opened);
        String rejected = filed(f).requestId();
        f.service.reject(OFFICER_1, FROM, rejected, "no basis");
        String withdrawn = filed(f).requestId();
        f.service.withdraw(AUDITOR, FROM, withdrawn);
        List<EscrowCase> before = f.table.list(null);
        // When
        EscrowService restarted = f.restart();
        // Then
        assertThat(f.table.list(null)).containsExactlyElementsOf(before);
        assertThat(restarted.approve(OFFICER_2, FROM, halfApproved).state()).isEqualTo(EscrowState.APPROVED);
        assertThat(restarted.open(AUDITOR, FROM, approved).escrowCase().state()).isEqualTo(EscrowState.OPENED);
        assertRefusedWithOneDeniedEvent(
                f, EscrowRefusal.OPEN_LIMIT_REACHED, () -> restarted.open(AUDITOR, FROM, opened));
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.REQUEST_CLOSED, () -> restarted.open(AUDITOR, FROM, rejected));
        assertRefusedWithOneDeniedEvent(f, EscrowRefusal.NOT_APPROVED, () -> restarted.open(AUDITOR, FROM, filed));
        assertRefusedWithOneDeniedEvent(
                f, EscrowRefusal.REQUEST_CLOSED, () -> restarted.open(AUDITOR, FROM, withdrawn));
    }

    @Test
    void twoApprovalsRacingOnOneRequestBothCount() throws Exception {
        // Given
        EscrowFixture f = fixture();
        String id = filed(f).requestId();
        CountDownLatch start = new CountDownLatch(1);
        // When
        CompletableFuture<EscrowCase> first = CompletableFuture.supplyAsync(() -> {
            await(start);
            return f.service.approve(OFFICER_1, FROM, id);
        });
        CompletableFuture<EscrowCase> second = CompletableFuture.supplyAsync(() -> {
            await(start);
            return f.service.approve(OFFICER_2, FROM, id);
        });
        start.countDown();
        first.get();
        second.get();
        // Then
        EscrowCase known = f.table.get(id).orElseThrow();
        assertThat(known.state()).isEqualTo(EscrowState.APPROVED);
        assertThat(known.approvers()).containsExactlyInAnyOrder("officer-1", "officer-2");
        assertThat(f.log.replay().get(id).orElseThrow().approvers())
                .as("the last committed record holds both")
                .containsExactlyInAnyOrder("officer-1", "officer-2");
    }

    @Test
    void listingShowsComplianceEveryRequestAndAuditorsTheirOwn() {
        // Given
        EscrowFixture f = fixture();
        String mine = filed(f).requestId();
        String theirs = f.service
                .file(steppedUp("auditor-8", Role.AUDITOR), FROM, filing())
                .requestId();
        // When / Then
        assertThat(f.service.list(OFFICER_1)).extracting(EscrowCase::requestId).containsExactlyInAnyOrder(mine, theirs);
        assertThat(f.service.list(AUDITOR)).extracting(EscrowCase::requestId).containsExactly(mine);
        assertThat(f.service.get(AUDITOR, theirs)).isEmpty();
        assertThat(f.service.list(steppedUp("operator-1", Role.OPERATOR))).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
