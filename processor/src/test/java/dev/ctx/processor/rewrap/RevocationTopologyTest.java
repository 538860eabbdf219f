package dev.ctx.processor.rewrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.commands.EnvelopeCommand;
import dev.ctx.schemas.commands.EnvelopeCommandFormatV1;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.PublicKeyVersion;

/**
 * Revocation and shredding commands in the rewrap topology (TopologyTestDriver), with envelopes sealed by the real
 * encryption topology: the single writer applies each command once, and nothing it or a late envelope computes
 * afterwards brings a revoked wrap or a shredded envelope back.
 */
class RevocationTopologyTest {

    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    private final RewrapHarness harness = new RewrapHarness(List.of(ALICE, BOB));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void revokeAccessWritesTheNextGenerationWithoutTheWrapAndOneAccessRevokedEvent() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));
        Envelope first = harness.firstGenerations.get(id);
        EnvelopeCommand command = EnvelopeCommand.revokeAccess(id, ALICE, "ops-1", "contract ended", AT);

        // When
        send(command);

        // Then
        List<TestRecord<String, Envelope>> written = harness.envelopesOut.readRecordsToList();
        assertThat(written).hasSize(1);
        Envelope next = written.get(0).value();
        assertThat(next.getGeneration()).isEqualTo(first.getGeneration() + 1);
        assertThat(next.getWraps()).extracting(RecipientWrap::getRecipientId).containsExactly(BOB, Recipient.ESCROW_ID);
        assertThat(next.getSealId()).isEqualTo(first.getSealId());
        assertThatThrownBy(() -> Opening.open(harness.encrypted.get(id), next, harness.base.privateKey(ALICE)))
                .as("alice's (leaked) private key opens nothing in the new generation")
                .isInstanceOf(EnvelopeException.class);
        assertThat(Opening.encode(Opening.open(harness.encrypted.get(id), next, harness.base.privateKey(BOB))))
                .isEqualTo(
                        Opening.encode(Opening.open(harness.encrypted.get(id), first, harness.base.privateKey(BOB))));
        List<AccessEvent> events = harness.events.readValuesToList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(AccessEventType.ACCESS_REVOKED);
            assertThat(event.getTransactionId()).isEqualTo(id);
            assertThat(event.getRequester()).isEqualTo("ops-1");
            assertThat(event.getAttributes())
                    .containsEntry("participant", ALICE)
                    .containsEntry("keyVersion", Integer.toString(TestKeyrings.KEY_VERSION))
                    .containsEntry("generation", Integer.toString(next.getGeneration()))
                    .containsEntry("commandId", command.commandId().toString());
        });
        assertThat(harness.indexStore().get(RewrapStores.indexKey(ALICE, TestKeyrings.KEY_VERSION, id)))
                .isNull();
    }

    @Test
    void aDuplicatedRevocationWritesNothing() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));
        EnvelopeCommand command = EnvelopeCommand.revokeAccess(id, ALICE, "ops-1", "contract ended", AT);
        send(command);
        harness.envelopesOut.readRecordsToList();
        harness.events.readRecordsToList();

        // When
        send(command);
        send(EnvelopeCommand.revokeAccess(id, ALICE, "ops-2", "asked twice", AT));

        // Then
        assertThat(harness.envelopesOut.isEmpty()).isTrue();
        assertThat(harness.events.isEmpty()).isTrue();
    }

    @Test
    void aRevocationForAnIdNotYetSeenIsAppliedWhenItsEnvelopeArrives() {
        // Given
        String id = harness.seal(List.of(ALICE, BOB));
        send(EnvelopeCommand.revokeAccess(id, ALICE, "ops-1", "before the envelope", AT));
        assertThat(harness.envelopesOut.isEmpty()).isTrue();

        // When
        harness.envelopesIn.pipeInput(id, harness.firstGenerations.get(id));

        // Then
        Envelope next = harness.envelopesOut.readValue();
        assertThat(next.getGeneration()).isEqualTo(2);
        assertThat(next.getWraps()).extracting(RecipientWrap::getRecipientId).doesNotContain(ALICE);
        assertThat(harness.envelopeStore().get(id)).isEqualTo(next);
        assertThat(harness.events.readValue().getType()).isEqualTo(AccessEventType.ACCESS_REVOKED);
    }

    @Test
    void aRevocationRacingARotationNeverWritesTheRevokedWrapAgain() {
        // Given: alice's rotation queued the envelope for rewrap; the revocation arrives before the round
        String id = harness.sealAndPipe(List.of(ALICE, BOB));
        harness.rotate(ALICE);
        harness.tick();
        harness.envelopesOut.readRecordsToList();
        harness.events.readRecordsToList();
        String second = harness.sealAndPipe(List.of(ALICE, BOB));
        int version = harness.rotate(ALICE);
        send(EnvelopeCommand.revokeAccess(second, ALICE, "ops-1", "revoked mid-rotation", AT));

        // When
        harness.tick();
        harness.tick();

        // Then
        List<Envelope> written = harness.envelopesOut.readValuesToList();
        assertThat(written)
                .filteredOn(envelope -> envelope.getTransactionId().equals(second))
                .allSatisfy(envelope -> assertThat(envelope.getWraps())
                        .extracting(RecipientWrap::getRecipientId)
                        .doesNotContain(ALICE));
        assertThat(harness.envelopeStore().get(second).getWraps())
                .extracting(RecipientWrap::getRecipientId)
                .doesNotContain(ALICE);
        assertThat(harness.envelopeStore().get(id).getWraps())
                .filteredOn(wrap -> wrap.getRecipientId().equals(ALICE))
                .extracting(RecipientWrap::getKeyVersion)
                .containsExactly(version);
    }

    @Test
    void shredWritesTheTombstoneAndOneShreddedEventAndForgetsTheEnvelope() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));
        EnvelopeCommand command = EnvelopeCommand.shred(id, "ops-1", "gdpr erasure", AT);

        // When
        send(command);

        // Then
        TestRecord<String, Envelope> tombstone = harness.envelopesOut.readRecord();
        assertThat(tombstone.key()).isEqualTo(id);
        assertThat(tombstone.value()).isNull();
        assertThat(harness.envelopesOut.isEmpty()).isTrue();
        assertThat(harness.events.readValuesToList()).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(AccessEventType.SHREDDED);
            assertThat(event.getTransactionId()).isEqualTo(id);
            assertThat(event.getReason()).isEqualTo("gdpr erasure");
            assertThat(event.getAttributes())
                    .containsEntry("commandId", command.commandId().toString())
                    .containsEntry("generation", "1");
        });
        assertThat(harness.envelopeStore().get(id)).isNull();
        assertThat(harness.indexStore().get(RewrapStores.indexKey(ALICE, TestKeyrings.KEY_VERSION, id)))
                .isNull();
    }

    @Test
    void aDuplicatedShredAndALaterRevocationWriteNothing() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));
        send(EnvelopeCommand.shred(id, "ops-1", "gdpr erasure", AT));
        harness.envelopesOut.readRecordsToList();
        harness.events.readRecordsToList();

        // When
        send(EnvelopeCommand.shred(id, "ops-1", "gdpr erasure", AT));
        send(EnvelopeCommand.revokeAccess(id, BOB, "ops-1", "after the shred", AT));

        // Then
        assertThat(harness.envelopesOut.isEmpty()).isTrue();
        assertThat(harness.events.isEmpty()).isTrue();
    }

    @Test
    void aShredForAnIdNotYetSeenTombstonesItsEnvelopeWhenItArrives() {
        // Given
        String id = harness.seal(List.of(ALICE, BOB));
        send(EnvelopeCommand.shred(id, "ops-1", "before the envelope", AT));
        assertThat(harness.envelopesOut.readRecord().value()).isNull();
        assertThat(harness.events.readValue().getAttributes()).containsEntry("generation", "0");

        // When
        harness.envelopesIn.pipeInput(id, harness.firstGenerations.get(id));

        // Then
        TestRecord<String, Envelope> again = harness.envelopesOut.readRecord();
        assertThat(again.key()).isEqualTo(id);
        assertThat(again.value()).isNull();
        assertThat(harness.envelopeStore().get(id)).isNull();
    }

    @Test
    void aShredRacingARewrapResurrectsNothing() {
        // Given: alice rotated, the envelope is queued for rewrap, and the shred arrives before the round
        String id = harness.sealAndPipe(List.of(ALICE, BOB));
        harness.rotate(ALICE);
        send(EnvelopeCommand.shred(id, "ops-1", "gdpr erasure", AT));
        harness.envelopesOut.readRecordsToList();

        // When: the round runs, and a next generation computed elsewhere from generation 1 arrives late
        harness.tick();
        Envelope stale = Envelope.newBuilder(harness.firstGenerations.get(id))
                .setGeneration(2)
                .build();
        harness.envelopesIn.pipeInput(id, stale);

        // Then
        List<TestRecord<String, Envelope>> written = harness.envelopesOut.readRecordsToList();
        assertThat(written)
                .isNotEmpty()
                .allSatisfy(record -> assertThat(record.value()).isNull());
        assertThat(harness.envelopeStore().get(id)).isNull();
        assertThat(harness.client.requests()).isEmpty();
    }

    @Test
    void aRevokedKeyVersionLosesEveryWrapUnderItAndOthersKeepTheirs() {
        // Given
        String both = harness.sealAndPipe(List.of(ALICE, BOB));
        String bobs = harness.sealAndPipe(List.of(BOB));
        ParticipantKeyring unsigned = harness.base.unsigned(ALICE);
        List<PublicKeyVersion> revoked = unsigned.getKeys().stream()
                .map(key -> PublicKeyVersion.newBuilder(key)
                        .setStatus(KeyStatus.REVOKED)
                        .build())
                .toList();

        // When
        harness.keyrings.pipeInput(
                ALICE,
                TestKeyrings.sign(ParticipantKeyring.newBuilder(unsigned)
                        .setKeys(revoked)
                        .setRevision(unsigned.getRevision() + 1)
                        .build()));
        harness.tick();
        harness.tick();

        // Then
        List<TestRecord<String, Envelope>> written = harness.envelopesOut.readRecordsToList();
        assertThat(written).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(both);
            assertThat(record.value().getWraps())
                    .extracting(RecipientWrap::getRecipientId)
                    .containsExactly(BOB, Recipient.ESCROW_ID);
        });
        assertThat(harness.events.readValuesToList()).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(AccessEventType.ACCESS_REVOKED);
            assertThat(event.getAttributes())
                    .containsEntry("participant", ALICE)
                    .containsEntry("cause", "KEY_REVOKED")
                    .containsEntry("generation", "2");
        });
        assertThat(harness.envelopeStore().get(bobs)).isEqualTo(harness.firstGenerations.get(bobs));
    }

    @Test
    void anUndecodableOrMisKeyedCommandIsADeadLetterAndChangesNothing() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));
        byte[] other = EnvelopeCommandFormatV1.encode(EnvelopeCommand.shred("someone-else", "ops", "forged", AT));

        // When
        harness.commandsIn.pipeInput(id, new byte[] {0x01, 0x02, 0x03});
        harness.commandsIn.pipeInput(id, other);

        // Then
        assertThat(harness.deadLetters.readValuesToList())
                .extracting(DeadLetter::getReason)
                .containsExactly(DeadLetterReason.UNDECODABLE_RECORD.name(), DeadLetterReason.KEY_MISMATCH.name());
        assertThat(harness.envelopesOut.isEmpty()).isTrue();
        assertThat(harness.envelopeStore().get(id)).isEqualTo(harness.firstGenerations.get(id));
    }

    private void send(EnvelopeCommand command) {
        harness.commandsIn.pipeInput(command.transactionId(), EnvelopeCommandFormatV1.encode(command));
    }
}
