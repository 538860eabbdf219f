package dev.ctx.keyservice.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.auth.Role;
import dev.ctx.keyservice.grants.Grant;
import dev.ctx.keyservice.grants.GrantBook;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.OpenRefusedException;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.keyservice.testing.MutableClock;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.encrypted.ClearFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;
import dev.ctx.schemas.transaction.Transaction;

class AccessServiceTest {

    private static final Instant NOW = Instant.parse("2026-06-10T00:00:00Z");
    private static final AuditContext FROM = new AuditContext("ignored", "10.0.0.7", "ctx-client/1.0");
    private static final String TXN = SealedSample.TXN;
    private static final Identity COMPLIANCE = new Identity("compliance-7", Role.COMPLIANCE_OFFICER, "jwt");

    private final SealedSample sample = SealedSample.create();
    private final Map<String, Participant> registry = new HashMap<>();
    private final Map<String, LookupResult> view = new HashMap<>();
    private final FakeGrantBook grants = new FakeGrantBook();
    private final FakeCustodialKeys keys = new FakeCustodialKeys(sample.keys);
    private final RecordingEventLog log = new RecordingEventLog();
    private final MutableClock clock = new MutableClock(NOW);
    private final AccessEventCommitter committer =
            AccessEventCommitter.start(100, 10, Duration.ZERO, log, new SimpleMeterRegistry());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private boolean requireMfa;
    private GrantBook book = grants;

    AccessServiceTest() {
        register("client-1", KycStatus.VERIFIED, List.of("settlement", "audit"));
        register("miner-1", KycStatus.VERIFIED, List.of("settlement", "marketing"));
        register("outsider", KycStatus.VERIFIED, List.of("settlement"));
        view.put(TXN, new LookupResult.Found(sample.encrypted, sample.envelope));
    }

    @AfterEach
    void stop() {
        committer.close();
    }

    /** One deny reason: what makes it happen, who asks what, and the expected code. */
    record Denial(
            String name, Consumer<AccessServiceTest> given, Identity who, AccessRequest request, DenialReason reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Denial> denials() {
        Identity miner = participant("miner-1");
        AccessRequest settlement = new AccessRequest(TXN, "settlement", null);
        return Stream.of(
                new Denial(
                        "non-participant",
                        t -> {},
                        participant("outsider"),
                        settlement,
                        DenialReason.NOT_A_PARTICIPANT),
                new Denial(
                        "wrong purpose",
                        t -> {},
                        miner,
                        new AccessRequest(TXN, "marketing", null),
                        DenialReason.PURPOSE_NOT_IN_POLICY),
                new Denial(
                        "purpose not allowed for the participant",
                        t -> {},
                        miner,
                        new AccessRequest(TXN, "audit", null),
                        DenialReason.PURPOSE_NOT_ALLOWED_FOR_PARTICIPANT),
                new Denial(
                        "outside the window",
                        t -> t.clock.advance(Duration.between(NOW, SealedSample.NOT_AFTER)),
                        miner,
                        settlement,
                        DenialReason.OUTSIDE_POLICY_WINDOW),
                new Denial(
                        "before the window",
                        t -> t.view.put(
                                TXN,
                                new LookupResult.Found(
                                        t.sample.withPolicyWindow(NOW.plus(Duration.ofDays(1)), null),
                                        t.sample.envelope)),
                        miner,
                        settlement,
                        DenialReason.OUTSIDE_POLICY_WINDOW),
                new Denial(
                        "expired grant",
                        t -> t.grants.grants.add(grant("settlement", Set.of("amount"), NOW.minus(Duration.ofDays(1)))),
                        COMPLIANCE,
                        settlement,
                        DenialReason.GRANT_NOT_VALID),
                new Denial(
                        "revoked grant",
                        t -> t.grants.revoked.add(grant("settlement", Set.of("amount"), NOW.plus(Duration.ofDays(1)))),
                        COMPLIANCE,
                        settlement,
                        DenialReason.GRANT_NOT_VALID),
                new Denial(
                        "suspended participant",
                        t -> t.update("miner-1", ParticipantStatus.SUSPENDED, KycStatus.VERIFIED),
                        miner,
                        settlement,
                        DenialReason.PARTICIPANT_NOT_ACTIVE),
                new Denial(
                        "KYC pending",
                        t -> t.update("miner-1", ParticipantStatus.ACTIVE, KycStatus.PENDING),
                        miner,
                        settlement,
                        DenialReason.KYC_NOT_VERIFIED),
                new Denial(
                        "unknown transaction",
                        t -> {},
                        miner,
                        new AccessRequest("txn-none", "settlement", null),
                        DenialReason.UNKNOWN_TRANSACTION),
                new Denial(
                        "shredded",
                        t -> t.view.put(TXN, new LookupResult.Shredded(TXN)),
                        miner,
                        settlement,
                        DenialReason.SHREDDED),
                new Denial(
                        "tampered ciphertext",
                        t -> t.view.put(
                                TXN, new LookupResult.Found(t.sample.withTamperedCiphertext(), t.sample.envelope)),
                        miner,
                        settlement,
                        DenialReason.INTEGRITY_FAILURE),
                new Denial(
                        "tampered envelope",
                        t -> t.view.put(TXN, new LookupResult.Found(t.sample.encrypted, t.sample.withTamperedWraps())),
                        miner,
                        settlement,
                        DenialReason.INTEGRITY_FAILURE),
                new Denial(
                        "missing step-up", t -> t.requireMfa = true, miner, settlement, DenialReason.STEP_UP_REQUIRED),
                new Denial(
                        "field not allowed",
                        t -> {},
                        miner,
                        new AccessRequest(TXN, "settlement", List.of("pricing")),
                        DenialReason.FIELD_NOT_ALLOWED),
                new Denial(
                        "listed participant missing from the registry",
                        t -> t.registry.remove("miner-1"),
                        miner,
                        settlement,
                        DenialReason.NOT_A_PARTICIPANT),
                new Denial(
                        "operator named like a listed participant, without a grant",
                        t -> {},
                        new Identity("miner-1", Role.OPERATOR, "jwt"),
                        settlement,
                        DenialReason.NOT_A_PARTICIPANT),
                new Denial(
                        "grant book answers a grant for another purpose",
                        t -> t.book = (grantee, txn, purpose, now) ->
                                Optional.of(grant("audit", Set.of("amount"), NOW.plus(Duration.ofDays(1)))),
                        COMPLIANCE,
                        settlement,
                        DenialReason.GRANT_NOT_VALID),
                new Denial(
                        "grant book answers a grant expiring exactly now",
                        t -> t.book =
                                (grantee, txn, purpose, now) -> Optional.of(grant("settlement", Set.of("amount"), NOW)),
                        COMPLIANCE,
                        settlement,
                        DenialReason.GRANT_NOT_VALID),
                new Denial(
                        "grant book answers a grant not valid yet",
                        t -> t.book = (grantee, txn, purpose, now) -> Optional.of(grant(
                                "settlement", Set.of("amount"), NOW.plusSeconds(1), NOW.plus(Duration.ofDays(1)))),
                        COMPLIANCE,
                        settlement,
                        DenialReason.GRANT_NOT_VALID),
                new Denial(
                        "grantee suspended in the registry",
                        t -> {
                            t.grantForCompliance("settlement");
                            t.register(COMPLIANCE.subject(), KycStatus.VERIFIED, List.of("settlement"));
                            t.update(COMPLIANCE.subject(), ParticipantStatus.SUSPENDED, KycStatus.VERIFIED);
                        },
                        COMPLIANCE,
                        settlement,
                        DenialReason.PARTICIPANT_NOT_ACTIVE),
                new Denial(
                        "grantee's KYC pending in the registry",
                        t -> {
                            t.grantForCompliance("settlement");
                            t.register(COMPLIANCE.subject(), KycStatus.PENDING, List.of("settlement"));
                        },
                        COMPLIANCE,
                        settlement,
                        DenialReason.KYC_NOT_VERIFIED),
                new Denial(
                        "grant for a purpose outside the policy",
                        t -> t.grantForCompliance("marketing"),
                        COMPLIANCE,
                        new AccessRequest(TXN, "marketing", null),
                        DenialReason.PURPOSE_NOT_IN_POLICY),
                new Denial(
                        "grant outside the policy window",
                        t -> {
                            t.grants.grants.add(grant(
                                    "settlement", Set.of("amount"), SealedSample.NOT_AFTER.plus(Duration.ofDays(1))));
                            t.clock.advance(Duration.between(NOW, SealedSample.NOT_AFTER));
                        },
                        COMPLIANCE,
                        settlement,
                        DenialReason.OUTSIDE_POLICY_WINDOW),
                new Denial(
                        "grant whose fields miss the whole access level",
                        t -> t.grants.grants.add(grant("settlement", Set.of("pricing"), NOW.plus(Duration.ofDays(1)))),
                        COMPLIANCE,
                        settlement,
                        DenialReason.FIELD_NOT_ALLOWED),
                new Denial(
                        "first generation without the participant's wrap",
                        t -> t.view.put(TXN, new LookupResult.Found(t.sample.encrypted, t.withoutWrapOf("miner-1", 1))),
                        miner,
                        settlement,
                        DenialReason.INTEGRITY_FAILURE),
                new Denial(
                        "key version destroyed",
                        t -> t.sample.keys.remove("miner-1/2"),
                        miner,
                        settlement,
                        DenialReason.SHREDDED),
                new Denial(
                        "key open refused",
                        t -> t.keys.failure = new OpenRefusedException("version revoked"),
                        miner,
                        settlement,
                        DenialReason.SHREDDED),
                new Denial(
                        "key store unavailable",
                        t -> t.keys.failure = new StoreUnavailableException("broker away", null),
                        miner,
                        settlement,
                        DenialReason.AUDIT_UNAVAILABLE),
                new Denial(
                        "record with neither sealed nor clear fields",
                        t -> t.view.put(
                                TXN,
                                new LookupResult.Found(
                                        EncryptedTransaction.newBuilder(t.sample.encrypted)
                                                .setSealed(null)
                                                .build(),
                                        t.sample.envelope)),
                        miner,
                        settlement,
                        DenialReason.INTEGRITY_FAILURE),
                new Denial(
                        "participant-held key",
                        t -> t.keys.participantHeld.add("miner-1"),
                        miner,
                        settlement,
                        DenialReason.PARTICIPANT_HELD_KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denials")
    void everyDenialReleasesNothingAndIsExactlyOneDeniedEvent(Denial denial) {
        // Given
        denial.given().accept(this);
        // When
        AccessAnswer answer = service().handle(denial.who(), context(denial.who()), denial.request());
        // Then
        assertThat(answer).isInstanceOfSatisfying(AccessAnswer.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(denial.reason());
            assertThat(refused.detail()).doesNotContain("1250", "DE89", "per-gpu-hour");
        });
        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(AccessEventType.ACCESS_DENIED);
            assertThat(event.getOutcome()).isEqualTo(AccessOutcome.DENIED);
            assertThat(event.getReason()).startsWith(denial.reason().name() + ":");
            assertThat(event.getTransactionId()).isEqualTo(denial.request().transactionId());
            assertThat(event.getRequester()).isEqualTo(denial.who().subject());
            assertThat(event.getPurpose()).isEqualTo(denial.request().purpose());
            assertThat(event.getDataAccessed()).isEmpty();
            assertThat(event.getAuthorizedBy()).isNull();
            assertThat(event.getIp()).isEqualTo("10.0.0.7");
            assertThat(event.getUserAgent()).isEqualTo("ctx-client/1.0");
            assertThat(event.getAttributes())
                    .containsEntry("status", Integer.toString(denial.reason().status()));
        });
    }

    @Test
    void tamperingIsCountedAsAnIntegrityFailure() {
        // Given
        view.put(TXN, new LookupResult.Found(sample.withTamperedCiphertext(), sample.envelope));
        AccessService service = service();
        // When
        service.handle(participant("miner-1"), FROM, new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(meters.counter("ctx.keyservice.integrity.failures").count()).isEqualTo(1.0);
    }

    @Test
    void aParticipantWhoseWrapALaterGenerationDroppedIsRefusedAccessRevoked() {
        // Given: generation 2 without miner-1's wrap (the rewrap topology applied a revocation)
        Envelope revoked = Envelope.newBuilder(sample.envelope)
                .setGeneration(2)
                .setWraps(sample.envelope.getWraps().stream()
                        .filter(wrap -> !wrap.getRecipientId().equals("miner-1"))
                        .toList())
                .build();
        view.put(TXN, new LookupResult.Found(sample.encrypted, revoked));
        Identity miner = participant("miner-1");
        // When
        AccessAnswer answer = service().handle(miner, context(miner), new AccessRequest(TXN, "settlement", null));
        AccessAnswer other = service()
                .handle(
                        participant("client-1"),
                        context(participant("client-1")),
                        new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(answer).isInstanceOfSatisfying(AccessAnswer.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(DenialReason.ACCESS_REVOKED);
            assertThat(refused.reason().status()).isEqualTo(403);
            assertThat(refused.detail()).contains("revoked", "generation 2");
        });
        assertThat(other).isInstanceOf(AccessAnswer.Released.class);
        assertThat(log.events())
                .filteredOn(event -> "miner-1".equals(event.getRequester()))
                .singleElement()
                .satisfies(event -> assertThat(event.getReason()).startsWith("ACCESS_REVOKED"));
    }

    @Test
    void aParticipantReadsTheFieldsOfItsPurposeWithItsOwnKeyVersion() {
        // Given
        Identity miner = participant("miner-1");
        // When
        AccessAnswer answer = service().handle(miner, context(miner), new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(answer).isInstanceOfSatisfying(AccessAnswer.Released.class, released -> {
            assertThat(released.fields()).isEqualTo(expected(sample.input, Set.of("amount", "settlementDetails")));
            assertThat(released.fields()).containsEntry("amount", "1250.50000000");
            assertThat(released.toString()).doesNotContain("1250", "DE89").contains(TXN, "amount", "policy:" + TXN);
            assertThat(released.authorizedBy()).isEqualTo("policy:" + TXN);
            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getType()).isEqualTo(AccessEventType.ACCESS_GRANTED);
                assertThat(event.getOutcome()).isEqualTo(AccessOutcome.GRANTED);
                assertThat(event.getEventId()).isEqualTo(released.eventId());
                assertThat(event.getAuthorizedBy()).isEqualTo("policy:" + TXN);
                assertThat(event.getDataAccessed()).containsExactly("amount", "settlementDetails");
                assertThat(event.getRequester()).isEqualTo("miner-1");
                assertThat(event.getPurpose()).isEqualTo("settlement");
            });
        });
        assertThat(keys.lent).containsExactly("miner-1/2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"settlement", "audit"})
    void aGrantReleasesExactlyTheProducersValuesOfTheAccessLevelsFields(String purpose) {
        // Given: a compliance officer, not a participant, holds a grant for every field
        grants.grants.add(
                grant(purpose, Set.of("amount", "pricing", "settlementDetails"), NOW.plus(Duration.ofDays(1))));
        Set<String> level = AccessLevels.parse(AccessLevels.DEFAULT).fieldsFor(purpose);
        // When
        AccessAnswer answer = service().handle(COMPLIANCE, context(COMPLIANCE), new AccessRequest(TXN, purpose, null));
        // Then
        assertThat(answer).isInstanceOfSatisfying(AccessAnswer.Released.class, released -> {
            assertThat(released.fields()).isEqualTo(expected(sample.input, level));
            assertThat(released.authorizedBy()).isEqualTo("grant:g-1");
        });
        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getAuthorizedBy()).isEqualTo("grant:g-1");
            assertThat(event.getDataAccessed()).containsExactlyInAnyOrderElementsOf(level);
        });
    }

    @Test
    void aGrantsFieldsCutTheAccessLevelFurther() {
        // Given
        grants.grants.add(grant("audit", Set.of("pricing"), NOW.plus(Duration.ofDays(1))));
        // When
        AccessAnswer answer = service().handle(COMPLIANCE, context(COMPLIANCE), new AccessRequest(TXN, "audit", null));
        // Then
        assertThat(answer)
                .isInstanceOfSatisfying(
                        AccessAnswer.Released.class,
                        released -> assertThat(released.fields()).isEqualTo(expected(sample.input, Set.of("pricing"))));
    }

    @Test
    void whenTheEventCannotBeCommittedTheAnswerIsAuditUnavailableAndNothingIsReleased() {
        // Given
        log.failing = true;
        Identity miner = participant("miner-1");
        // When
        AccessAnswer answer = service().handle(miner, context(miner), new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(answer)
                .isInstanceOfSatisfying(
                        AccessAnswer.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(DenialReason.AUDIT_UNAVAILABLE));
        assertThat(log.events()).isEmpty();
    }

    @Test
    void stepUpIsSatisfiedByASecondFactorOrAClientCertificate() {
        // Given
        requireMfa = true;
        AccessService service = service();
        AccessRequest request = new AccessRequest(TXN, "settlement", null);
        // When
        AccessAnswer withOtp =
                service.handle(new Identity("miner-1", Role.PARTICIPANT, "jwt", Set.of("pwd", "otp")), FROM, request);
        AccessAnswer withCertificate = service.handle(new Identity("miner-1", Role.PARTICIPANT, "mtls"), FROM, request);
        AccessAnswer withPasswordOnly =
                service.handle(new Identity("miner-1", Role.PARTICIPANT, "jwt", Set.of("pwd")), FROM, request);
        // Then
        assertThat(withOtp).isInstanceOf(AccessAnswer.Released.class);
        assertThat(withCertificate).isInstanceOf(AccessAnswer.Released.class);
        assertThat(withPasswordOnly)
                .isInstanceOfSatisfying(
                        AccessAnswer.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(DenialReason.STEP_UP_REQUIRED));
    }

    @Test
    void aGrantValidFromExactlyNowReleases() {
        // Given: the grant window starts at this instant
        book = (grantee, txn, purpose, now) ->
                Optional.of(grant("settlement", Set.of("amount"), NOW, NOW.plus(Duration.ofDays(1))));
        // When
        AccessAnswer answer =
                service().handle(COMPLIANCE, context(COMPLIANCE), new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(answer)
                .isInstanceOfSatisfying(
                        AccessAnswer.Released.class,
                        released -> assertThat(released.fields()).containsOnlyKeys("amount"));
    }

    @Test
    void aRequestForSomeFieldsOfTheLevelReleasesAndLogsOnlyThose() {
        // Given
        Identity miner = participant("miner-1");
        // When
        AccessAnswer answer =
                service().handle(miner, context(miner), new AccessRequest(TXN, "settlement", List.of("amount")));
        // Then
        assertThat(answer)
                .isInstanceOfSatisfying(
                        AccessAnswer.Released.class,
                        released -> assertThat(released.fields()).isEqualTo(expected(sample.input, Set.of("amount"))));
        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getDataAccessed()).containsExactly("amount");
            assertThat(event.getAttributes()).containsEntry("status", "200");
        });
    }

    @ParameterizedTest(name = "notBefore={0}, notAfter={1}")
    @MethodSource("openEndedWindows")
    void aPolicyWindowOpenOnOneSideOnlyChecksTheOtherSide(Instant notBefore, Instant notAfter) {
        // Given
        view.put(TXN, new LookupResult.Found(sample.withPolicyWindow(notBefore, notAfter), sample.envelope));
        Identity miner = participant("miner-1");
        // When
        AccessAnswer answer = service().handle(miner, context(miner), new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(answer).isInstanceOf(AccessAnswer.Released.class);
    }

    static Stream<Arguments> openEndedWindows() {
        return Stream.of(Arguments.of(null, NOW.plusSeconds(1)), Arguments.of(NOW, null), Arguments.of(null, null));
    }

    @Test
    void aGrantNamingAParticipantOpensWithThatParticipantsWrapFirst() {
        // Given
        grants.grants.add(new Grant(
                "g-2",
                COMPLIANCE.subject(),
                List.of(TXN),
                "miner-1",
                null,
                null,
                "settlement",
                Set.of("amount"),
                NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(1)),
                "operator-1"));
        // When
        AccessAnswer answer =
                service().handle(COMPLIANCE, context(COMPLIANCE), new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(answer).isInstanceOf(AccessAnswer.Released.class);
        assertThat(keys.lent).containsExactly("miner-1/2");
    }

    @Test
    void aGrantWithoutAParticipantOpensWithTheTransactionsParticipantsInOrder() {
        // Given
        grantForCompliance("settlement");
        // When
        service().handle(COMPLIANCE, context(COMPLIANCE), new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(keys.lent).containsExactly("client-1/1");
    }

    @Test
    void whenTheFirstParticipantHoldsItsOwnKeyAGrantOpensWithTheNext() {
        // Given
        grantForCompliance("settlement");
        keys.participantHeld.add("client-1");
        // When
        AccessAnswer answer =
                service().handle(COMPLIANCE, context(COMPLIANCE), new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(answer).isInstanceOf(AccessAnswer.Released.class);
        assertThat(keys.lent).containsExactly("miner-1/2");
    }

    @Test
    void aGrantOnALaterGenerationWithoutTheFirstParticipantsWrapOpensWithTheNextAndIsNotRevoked() {
        // Given
        grantForCompliance("settlement");
        view.put(TXN, new LookupResult.Found(sample.encrypted, withoutWrapOf("client-1", 2)));
        // When
        AccessAnswer answer =
                service().handle(COMPLIANCE, context(COMPLIANCE), new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(answer).isInstanceOf(AccessAnswer.Released.class);
        assertThat(keys.lent).containsExactly("miner-1/2");
    }

    @Test
    void aTransactionPassedInClearIsReleasedFromItsClearFieldsWithoutAnyKey() {
        // Given
        EncryptedTransaction clear = EncryptedTransaction.newBuilder(sample.encrypted)
                .setConfidential(false)
                .setSealed(null)
                .setClear(ClearFields.newBuilder()
                        .setAmount(sample.input.getAmount())
                        .setPricing(sample.input.getPricing())
                        .setSettlementDetails(sample.input.getSettlementDetails())
                        .build())
                .build();
        view.put(TXN, new LookupResult.Found(clear, sample.envelope));
        Identity miner = participant("miner-1");
        // When
        AccessAnswer answer = service().handle(miner, context(miner), new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(answer)
                .isInstanceOfSatisfying(
                        AccessAnswer.Released.class,
                        released -> assertThat(released.fields())
                                .isEqualTo(expected(sample.input, Set.of("amount", "settlementDetails"))));
        assertThat(keys.lent).isEmpty();
    }

    @Test
    void aMalformedRequestIsOneDeniedEventWithoutTransactionOrPurpose() {
        // When
        AccessAnswer answer = service().refuseMalformed(FROM, "body is not JSON");
        // Then
        assertThat(answer).isEqualTo(new AccessAnswer.Refused(DenialReason.MALFORMED_REQUEST, "body is not JSON"));
        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getReason()).isEqualTo("MALFORMED_REQUEST: body is not JSON");
            assertThat(event.getTransactionId()).isNull();
            assertThat(event.getPurpose()).isNull();
            assertThat(event.getAttributes()).containsEntry("status", "400");
        });
    }

    @Test
    void whenADenialsEventCannotBeCommittedTheAnswerIsAuditUnavailable() {
        // Given
        log.failing = true;
        Identity outsider = participant("outsider");
        // When
        AccessAnswer answer = service().handle(outsider, context(outsider), new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(answer)
                .isInstanceOfSatisfying(
                        AccessAnswer.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(DenialReason.AUDIT_UNAVAILABLE));
    }

    @Test
    void aGrantNamingAParticipantListsThatParticipantOnceThenTheOthersToOpenWith() {
        // Given
        grants.grants.add(new Grant(
                "g-3",
                COMPLIANCE.subject(),
                List.of(TXN),
                "miner-1",
                null,
                null,
                "settlement",
                Set.of("amount"),
                NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(1)),
                "operator-1"));
        AccessDecider decider = new AccessDecider(
                id -> Optional.ofNullable(registry.get(id)), grants, AccessLevels.parse(AccessLevels.DEFAULT), clock);
        // When
        AccessDecision decision =
                decider.decide(COMPLIANCE, sample.encrypted, new AccessRequest(TXN, "settlement", null));
        // Then
        assertThat(decision).isInstanceOfSatisfying(AccessDecision.Granted.class, granted -> {
            assertThat(granted.openWith()).containsExactly("miner-1", "client-1");
            assertThat(granted.authorizedBy()).isEqualTo("grant:g-3");
            assertThat(granted.fields()).containsExactly("amount");
        });
    }

    private void grantForCompliance(String purpose) {
        grants.grants.add(
                grant(purpose, Set.of("amount", "pricing", "settlementDetails"), NOW.plus(Duration.ofDays(1))));
    }

    /** The sample envelope as generation {@code generation}, without {@code participantId}'s wrap. */
    private Envelope withoutWrapOf(String participantId, int generation) {
        return Envelope.newBuilder(sample.envelope)
                .setGeneration(generation)
                .setWraps(sample.envelope.getWraps().stream()
                        .filter(wrap -> !wrap.getRecipientId().equals(participantId))
                        .toList())
                .build();
    }

    private AccessService service() {
        return new AccessService(
                id -> view.getOrDefault(id, new LookupResult.Unknown(id)),
                id -> Optional.ofNullable(registry.get(id)),
                book,
                keys,
                committer,
                new AccessEvents("key-service/test", clock),
                new AccessSettings(AccessLevels.parse(AccessLevels.DEFAULT), requireMfa, Duration.ofSeconds(5)),
                clock,
                meters);
    }

    private static Identity participant(String id) {
        return new Identity(id, Role.PARTICIPANT, "jwt");
    }

    private static AuditContext context(Identity who) {
        return new AuditContext(who.subject(), FROM.ip(), FROM.userAgent());
    }

    private static Grant grant(String purpose, Set<String> fields, Instant notAfter) {
        return grant(purpose, fields, NOW.minus(Duration.ofDays(30)), notAfter);
    }

    private static Grant grant(String purpose, Set<String> fields, Instant notBefore, Instant notAfter) {
        return new Grant(
                "g-1",
                COMPLIANCE.subject(),
                List.of(TXN),
                null,
                null,
                null,
                purpose,
                fields,
                notBefore,
                notAfter,
                "operator-1");
    }

    private void register(String id, KycStatus kyc, List<String> purposes) {
        registry.put(id, Participant.registered(ParticipantId.parse(id), ParticipantRole.CLIENT, kyc, purposes, NOW));
    }

    private void update(String id, ParticipantStatus status, KycStatus kyc) {
        Participant current = registry.get(id);
        registry.put(id, current.withRegistryFields(status, kyc, current.allowedPurposes(), NOW));
    }

    /** The producer's input values, rendered as the API promises (decimals as strings, timestamps ISO-8601). */
    private static Map<String, Object> expected(Transaction input, Set<String> fields) {
        Map<String, Object> all = Map.of(
                "amount", input.getAmount().toPlainString(),
                "pricing",
                        Map.of(
                                "unitPrice",
                                input.getPricing().getUnitPrice().toPlainString(),
                                "quantity",
                                input.getPricing().getQuantity().toPlainString(),
                                "fee",
                                input.getPricing().getFee().toPlainString(),
                                "pricingModel",
                                input.getPricing().getPricingModel(),
                                "attributes",
                                input.getPricing().getAttributes()),
                "settlementDetails",
                        Map.of(
                                "method",
                                input.getSettlementDetails().getMethod(),
                                "accountReference",
                                input.getSettlementDetails().getAccountReference(),
                                "settlementDate",
                                input.getSettlementDetails().getSettlementDate().toString(),
                                "attributes",
                                input.getSettlementDetails().getAttributes()));
        return all.entrySet().stream()
                .filter(e -> fields.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
