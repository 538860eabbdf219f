package dev.ctx.keyservice.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.keyservice.access.SealedSample;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.auth.Role;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.KeyVersion;
import dev.ctx.keyservice.store.AccessEventLog;
import dev.ctx.keyservice.store.EscrowFollower;
import dev.ctx.keyservice.testing.AccessLog;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.EscrowRequest;

/**
 * The escrow workflow on the real embedded broker: the request and its events on {@code escrow-requests} and
 * {@code access-log.events}, a key-service restart in the middle of it, and the full chain of events afterwards.
 */
class EscrowWorkflowIT {

    private static final Identity AUDITOR = new Identity("auditor-7", Role.AUDITOR, "mtls");
    private static final Identity OFFICER_1 = new Identity("officer-1", Role.COMPLIANCE_OFFICER, "jwt", Set.of("mfa"));
    private static final Identity OFFICER_2 = new Identity("officer-2", Role.COMPLIANCE_OFFICER, "jwt", Set.of("otp"));
    private static final AuditContext FROM = new AuditContext("ignored", "10.0.0.7", "ctx-cli/1.0");

    @TempDir
    Path dir;

    private StoreFixture store;
    private SealedSample sample;
    private AccessEventLog eventLog;
    private AccessEventCommitter committer;
    private EscrowFollower follower;
    private EscrowTable table;

    @AfterEach
    void stop() {
        follower.close();
        committer.close();
        eventLog.close();
        store.close();
    }

    /** The key service's escrow path as {@code EscrowWiring} builds it: replay the topic, then serve. */
    private EscrowService start() {
        table = new EscrowTable();
        follower = EscrowFollower.start(store.config, store.serde(EscrowRequest.class), table);
        return new EscrowService(
                table,
                store.store.escrowLog(store.serde(EscrowRequest.class)),
                id -> id.equals(SealedSample.TXN)
                        ? new LookupResult.Found(sample.encrypted, sample.envelope)
                        : new LookupResult.Unknown(id),
                store.keys.handOverEscrowKeyUnsealingOnce(),
                committer,
                new AccessEvents("key-service/it", Clock.systemUTC()),
                new EscrowSettings(1, Duration.ofDays(30), Duration.ofSeconds(25)),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    @Test
    void fileApproveRestartApproveOpenLeavesTheFullChainOfEventsInTheAccessLog() {
        // Given
        store = StoreFixture.start(dir, Clock.systemUTC());
        KeyVersion escrowKey = store.keys.createEscrowKey(AuditContext.system("it"));
        sample = SealedSample.sealFor(List.of(
                new Recipient("client-1", 1, X25519KeyPair.generate().publicKey()),
                new Recipient("miner-1", 1, X25519KeyPair.generate().publicKey()),
                new Recipient(Recipient.ESCROW_ID, escrowKey.version(), escrowKey.publicKey())));
        eventLog = AccessEventLog.open(store.config, store.serde(AccessEvent.class));
        committer = AccessEventCommitter.start(1000, 100, Duration.ofMillis(2), eventLog, new SimpleMeterRegistry());
        EscrowService escrow = start();
        String id = escrow.file(
                        AUDITOR,
                        FROM,
                        new EscrowFiling(
                                List.of(SealedSample.TXN),
                                "CO-2026-17",
                                "court order",
                                "fraud case 9",
                                List.of("amount", "settlementDetails"),
                                null,
                                Duration.ofDays(7)))
                .requestId();
        escrow.approve(OFFICER_1, FROM, id);

        // When: the key service restarts between the two approvals
        follower.close();
        store.restart();
        EscrowService restarted = start();
        EscrowCase replayed = table.get(id).orElseThrow();
        restarted.approve(OFFICER_2, FROM, id);
        EscrowOpenResult opened = restarted.open(AUDITOR, FROM, id);

        // Then
        assertThat(replayed.state()).isEqualTo(EscrowState.FILED);
        assertThat(replayed.approvers()).containsExactly("officer-1");
        assertThat(opened.transactions()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo("OPENED");
            assertThat(t.fields()).containsOnlyKeys("amount", "settlementDetails");
            assertThat(t.fields())
                    .containsEntry("amount", sample.input.getAmount().toPlainString());
        });
        List<AccessEvent> chain = AccessLog.read(store).stream()
                .filter(e -> id.equals(e.getAttributes().get("requestId"))
                        || id.equals(e.getAttributes().get("escrowRequestId")))
                .toList();
        assertThat(chain)
                .extracting(AccessEvent::getType)
                .containsExactly(
                        AccessEventType.ESCROW_REQUESTED,
                        AccessEventType.ESCROW_APPROVED,
                        AccessEventType.ESCROW_APPROVED,
                        AccessEventType.KEY_OPENED,
                        AccessEventType.ESCROW_OPENED);
        assertThat(chain)
                .extracting(AccessEvent::getRequester)
                .containsExactly("auditor-7", "officer-1", "officer-2", "auditor-7", "auditor-7");
        AccessEvent open = chain.get(4);
        assertThat(open.getTransactionId()).isEqualTo(SealedSample.TXN);
        assertThat(open.getAttributes())
                .containsEntry("authorizationReference", "CO-2026-17")
                .containsEntry("approvers", "officer-1,officer-2");
        assertThat(open.getDataAccessed()).containsExactly("amount", "settlementDetails");
    }

    @Test
    void aRefusedOpenIsOneDeniedEventOnTheBrokerAndTheCountSurvivesARestart() {
        // Given: an approved request opened once (escrow.max.opens = 1)
        store = StoreFixture.start(dir, Clock.systemUTC());
        KeyVersion escrowKey = store.keys.createEscrowKey(AuditContext.system("it"));
        sample = SealedSample.sealFor(List.of(
                new Recipient("client-1", 1, X25519KeyPair.generate().publicKey()),
                new Recipient("miner-1", 1, X25519KeyPair.generate().publicKey()),
                new Recipient(Recipient.ESCROW_ID, escrowKey.version(), escrowKey.publicKey())));
        eventLog = AccessEventLog.open(store.config, store.serde(AccessEvent.class));
        committer = AccessEventCommitter.start(1000, 100, Duration.ofMillis(2), eventLog, new SimpleMeterRegistry());
        EscrowService escrow = start();
        String id = escrow.file(
                        AUDITOR,
                        FROM,
                        new EscrowFiling(
                                List.of(SealedSample.TXN),
                                "CO-1",
                                "court order",
                                "case",
                                null,
                                null,
                                Duration.ofDays(1)))
                .requestId();
        escrow.approve(OFFICER_1, FROM, id);
        escrow.approve(OFFICER_2, FROM, id);
        escrow.open(AUDITOR, FROM, id);

        // When
        follower.close();
        store.restart();
        EscrowService restarted = start();

        // Then
        assertThatThrownBy(() -> restarted.open(AUDITOR, FROM, id))
                .isInstanceOfSatisfying(
                        EscrowRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(EscrowRefusal.OPEN_LIMIT_REACHED));
        assertThat(AccessLog.read(store).stream()
                        .filter(e -> e.getType() == AccessEventType.ESCROW_DENIED)
                        .filter(e -> id.equals(e.getSubject())))
                .singleElement()
                .satisfies(e -> assertThat(e.getReason()).startsWith("OPEN_LIMIT_REACHED: "));
    }
}
