package dev.ctx.keyservice.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.commands.EnvelopeCommand;
import dev.ctx.schemas.commands.EnvelopeCommandKind;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.KeyRef;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.encrypted.SealedFields;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.TransactionStatus;

/** The key service's side of revocation and shredding: checks against the view, command and event together. */
class TransactionRevocationsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final AuditContext OPERATOR = new AuditContext("ops-1", "10.0.0.1", "curl/8");

    private final Map<String, LookupResult> view = new HashMap<>();
    private final List<List<EnvelopeCommand>> committedCommands = new ArrayList<>();
    private final List<List<AccessEvent>> committedEvents = new ArrayList<>();
    private final TransactionRevocations revocations = new TransactionRevocations(
            id -> view.getOrDefault(id, new LookupResult.Unknown(id)),
            (participant, from, to, limit) -> view.entrySet().stream()
                    .filter(e -> e.getValue() instanceof LookupResult.Found found
                            && found.transaction().getParticipants().contains(participant))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .limit(limit)
                    .toList(),
            (commands, events) -> {
                committedCommands.add(commands);
                committedEvents.add(events);
            },
            new AccessEvents("key-service/test", Clock.fixed(NOW, ZoneOffset.UTC)),
            Clock.fixed(NOW, ZoneOffset.UTC),
            2,
            false);

    @Test
    void aRevocationCommitsItsCommandAndItsRequestedEventTogether() {
        // Given
        view.put("t1", found("t1"));
        // When
        AcceptedCommand accepted =
                revocations.revokeAccess(OPERATOR, "t1", ParticipantId.parse("miner-1"), "contract ended");
        // Then
        assertThat(committedCommands)
                .singleElement()
                .satisfies(batch -> assertThat(batch).singleElement().satisfies(command -> {
                    assertThat(command.kind()).isEqualTo(EnvelopeCommandKind.REVOKE_ACCESS);
                    assertThat(command.commandId()).isEqualTo(accepted.commandId());
                    assertThat(command.participantId()).isEqualTo("miner-1");
                    assertThat(command.requester()).isEqualTo("ops-1");
                    assertThat(command.reason()).isEqualTo("contract ended");
                    assertThat(command.issuedAt()).isEqualTo(NOW);
                }));
        assertThat(committedEvents)
                .singleElement()
                .satisfies(batch -> assertThat(batch).singleElement().satisfies(event -> {
                    assertThat(event.getType()).isEqualTo(AccessEventType.ACCESS_REVOKED);
                    assertThat(event.getEventId()).isEqualTo(accepted.eventId());
                    assertThat(event.getTransactionId()).isEqualTo("t1");
                    assertThat(event.getSubject()).isEqualTo("miner-1");
                    assertThat(event.getAttributes())
                            .containsEntry("stage", "requested")
                            .containsEntry("commandId", accepted.commandId().toString());
                }));
    }

    @Test
    void refusalsNameTheirReasonAndRecordNothing() {
        // Given
        view.put("t1", found("t1"));
        view.put("gone", new LookupResult.Shredded("gone"));
        ParticipantId miner = ParticipantId.parse("miner-1");
        // When / Then
        assertRefused(() -> revocations.shred(OPERATOR, "nope", "why"), 404, "UNKNOWN_TRANSACTION");
        assertRefused(() -> revocations.shred(OPERATOR, "gone", "why"), 410, "SHREDDED");
        assertRefused(() -> revocations.revokeAccess(OPERATOR, "gone", miner, "why"), 410, "SHREDDED");
        assertRefused(
                () -> revocations.revokeAccess(OPERATOR, "t1", ParticipantId.parse("outsider"), "why"),
                409,
                "NOT_A_PARTICIPANT");
        assertRefused(
                () -> revocations.revokeAccess(OPERATOR, "t1", ParticipantId.ESCROW, "why"),
                409,
                "ESCROW_NOT_REVOCABLE");
        assertThat(committedCommands).isEmpty();
    }

    @Test
    void anErasureShredsEveryTransactionOfTheParticipantInOneCommitAndRefusesBeyondItsBound() {
        // Given
        view.put("t1", found("t1"));
        view.put("t2", found("t2"));
        view.put("gone", new LookupResult.Shredded("gone"));
        // When
        List<AcceptedCommand> accepted = revocations.erase(OPERATOR, ParticipantId.parse("client-1"), "gdpr");
        view.put("t3", found("t3"));
        // Then
        assertThat(accepted).extracting(AcceptedCommand::transactionId).containsExactly("t1", "t2");
        assertThat(committedCommands)
                .singleElement()
                .satisfies(batch ->
                        assertThat(batch).extracting(EnvelopeCommand::kind).containsOnly(EnvelopeCommandKind.SHRED));
        assertThat(committedEvents.get(0))
                .allSatisfy(event -> assertThat(event.getAttributes()).containsEntry("erasureOf", "client-1"));
        assertRefused(
                () -> revocations.erase(OPERATOR, ParticipantId.parse("client-1"), "gdpr"),
                409,
                "TOO_MANY_TRANSACTIONS");
        assertThat(committedCommands).hasSize(1);
    }

    private static void assertRefused(Runnable call, int status, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RevocationRefusedException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }

    private static LookupResult.Found found(String id) {
        ByteBuffer sealId = ByteBuffer.wrap(new byte[16]);
        EncryptedTransaction record = EncryptedTransaction.newBuilder()
                .setTransactionId(id)
                .setJobId("job-1")
                .setTimestamp(NOW)
                .setStatus(TransactionStatus.CONFIRMED)
                .setCurrency("EUR")
                .setParticipants(List.of("client-1", "miner-1"))
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("settlement"))
                        .build())
                .setConfidential(true)
                .setSealed(SealedFields.newBuilder()
                        .setCiphertext(ByteBuffer.wrap(new byte[] {2, 9}))
                        .setSchemaFingerprint(ByteBuffer.wrap(new byte[] {1}))
                        .setKeyRefs(List.of(new KeyRef("client-1", 1)))
                        .setSealId(sealId)
                        .build())
                .setClear(null)
                .build();
        Envelope envelope = Envelope.newBuilder()
                .setTransactionId(id)
                .setGeneration(1)
                .setCreatedAt(NOW)
                .setWraps(List.of(
                        new RecipientWrap("client-1", RecipientType.PARTICIPANT, 1, ByteBuffer.wrap(new byte[] {1}))))
                .setSealId(sealId)
                .build();
        return new LookupResult.Found(record, envelope);
    }
}
