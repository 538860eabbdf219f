package dev.ctx.keyservice.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.access.SealedSample;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.auth.Role;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * The receipt-proof service's decisions that need no broker: fail closed when the event is not committed, the
 * registry and envelope refusals, and what the event must never hold. The event log is in-process.
 */
class ReceiptProofServiceTest {

    private static final Instant DAY = Instant.parse("2026-06-01T12:00:00Z");
    private static final AuditContext FROM = new AuditContext("client-1", "127.0.0.1", "test");

    private final Map<String, X25519KeyPair> keys = new ConcurrentHashMap<>();
    private final Map<String, LookupResult> view = new ConcurrentHashMap<>();
    private final Map<String, ParticipantStatus> statuses = new ConcurrentHashMap<>();
    private final List<AccessEvent> committed = new CopyOnWriteArrayList<>();
    private volatile boolean failing;
    private final AccessEventCommitter committer = AccessEventCommitter.start(
            100,
            10,
            Duration.ZERO,
            batch -> {
                if (failing) {
                    throw new IllegalStateException("broker away");
                }
                committed.addAll(batch);
            },
            new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        committer.close(Duration.ofSeconds(5));
    }

    @Test
    void whenTheEventCannotBeCommittedTheAnswerIsAuditUnavailableAndNoProof() {
        // Given
        ReceiptSample sample = add(ReceiptSample.seal("txn-1", DAY, "5.00000000", List.of(recipient("client-1"))));
        failing = true;
        // When
        ProofAnswer answer = service().handle(client(), FROM, opening(sample.transactionId));
        // Then
        assertThat(answer)
                .isInstanceOfSatisfying(
                        ProofAnswer.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ProofDenial.AUDIT_UNAVAILABLE));
    }

    @Test
    void theGeneratedEventNamesTheFieldsButHoldsNeitherTheAmountNorTheBlinding() {
        // Given
        ReceiptSample sample = add(ReceiptSample.seal("txn-2", DAY, "5.12345678", List.of(recipient("client-1"))));
        // When
        ProofAnswer answer = service().handle(client(), FROM, opening(sample.transactionId));
        // Then
        assertThat(answer).isInstanceOf(ProofAnswer.Generated.class);
        assertThat(committed)
                .singleElement()
                .satisfies(event -> assertThat(event.toString())
                        .contains("receiptBlinding", "proofDigest")
                        .doesNotContain(
                                "512345678", "5.12345678", HexFormat.of().formatHex(sample.opening.blindingBytes())));
        assertThat(answer.toString()).doesNotContain(HexFormat.of().formatHex(sample.opening.blindingBytes()));
    }

    @Test
    void aTransactionSealedBeforeReceiptsHasNoBlindingAndIsRefusedNoReceipt() {
        // Given: the access sample is sealed without a receipt blinding
        SealedSample old = SealedSample.sealFor(List.of(recipient("client-1"), recipient("miner-1")));
        view.put(SealedSample.TXN, new LookupResult.Found(old.encrypted, old.envelope));
        // When
        ProofAnswer answer = service().handle(client(), FROM, opening(SealedSample.TXN));
        // Then
        assertThat(answer)
                .isInstanceOfSatisfying(
                        ProofAnswer.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ProofDenial.NO_RECEIPT));
        assertThat(committed)
                .singleElement()
                .satisfies(e -> assertThat(e.getReason()).startsWith("NO_RECEIPT: "));
    }

    @Test
    void aLaterEnvelopeGenerationWithoutTheParticipantsWrapIsAccessRevoked() {
        // Given: generation 2 dropped client-1's wrap
        ReceiptSample sample =
                ReceiptSample.seal("txn-3", DAY, "1.00000000", List.of(recipient("client-1"), recipient("miner-1")));
        Envelope rewrapped = Envelope.newBuilder(sample.envelope)
                .setGeneration(2)
                .setWraps(sample.envelope.getWraps().stream()
                        .filter(w -> !w.getRecipientId().equals("client-1"))
                        .toList())
                .build();
        view.put("txn-3", new LookupResult.Found(sample.encrypted, rewrapped));
        // When
        ProofAnswer answer = service().handle(client(), FROM, opening("txn-3"));
        // Then
        assertThat(answer)
                .isInstanceOfSatisfying(
                        ProofAnswer.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ProofDenial.ACCESS_REVOKED));
    }

    @Test
    void aSuspendedParticipantIsRefusedBeforeAnyKeyIsOpened() {
        // Given
        ReceiptSample sample = add(ReceiptSample.seal("txn-4", DAY, "1.00000000", List.of(recipient("client-1"))));
        statuses.put("client-1", ParticipantStatus.SUSPENDED);
        // When
        ProofAnswer answer = service().handle(client(), FROM, opening(sample.transactionId));
        // Then
        assertThat(answer)
                .isInstanceOfSatisfying(
                        ProofAnswer.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ProofDenial.PARTICIPANT_NOT_ACTIVE));
    }

    private ReceiptProofService service() {
        CustodialKeys custodial = new CustodialKeys() {
            @Override
            public <T> T withKey(
                    AuditContext context, String participantId, int version, Function<X25519PrivateKey, T> use) {
                return use.apply(keys.get(participantId).privateKey());
            }
        };
        return new ReceiptProofService(
                id -> view.getOrDefault(id, new LookupResult.Unknown(id)),
                (participant, from, to, limit) -> List.of(),
                id -> Optional.of(new Participant(
                        ParticipantId.parse(id),
                        ParticipantRole.CLIENT,
                        statuses.getOrDefault(id, ParticipantStatus.ACTIVE),
                        KycStatus.VERIFIED,
                        List.of(),
                        1,
                        List.of(),
                        1,
                        DAY)),
                custodial,
                committer,
                new AccessEvents("key-service/test", Clock.systemUTC()),
                new ReceiptProofSettings(false, Duration.ofSeconds(5), ReceiptProofSettings.MAX_TRANSACTIONS),
                new SecureRandom());
    }

    private ReceiptSample add(ReceiptSample sample) {
        view.put(sample.transactionId, new LookupResult.Found(sample.encrypted, sample.envelope));
        return sample;
    }

    private Recipient recipient(String id) {
        X25519KeyPair pair = keys.computeIfAbsent(id, ignored -> X25519KeyPair.generate());
        return new Recipient(id, 1, pair.publicKey());
    }

    private static Identity client() {
        return new Identity("client-1", Role.PARTICIPANT, "jwt");
    }

    private static ProofRequest opening(String transactionId) {
        return new ProofRequest(ProofKind.OPENING, "client-1", List.of(transactionId), null, null, null);
    }
}
