package dev.ctx.processor.rewrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.testing.Opening;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.keys.ParticipantKeyring;

/** The rewrap topology in a TopologyTestDriver, with envelopes sealed by the real encryption topology. */
class RewrapTopologyTest {

    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final String CAROL = "carol";

    private final RewrapHarness harness = new RewrapHarness(List.of(ALICE, BOB, CAROL));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void rotationRewrapsEveryEnvelopeUnderTheOldVersionAndOnlyThose() {
        // Given
        List<String> alices = List.of(
                harness.sealAndPipe(List.of(ALICE, BOB)),
                harness.sealAndPipe(List.of(ALICE, CAROL)),
                harness.sealAndPipe(List.of(BOB, ALICE)));
        String bobAndCarol = harness.sealAndPipe(List.of(BOB, CAROL));
        harness.tick();
        assertThat(harness.envelopesOut.isEmpty())
                .as("nothing to rewrap before a rotation")
                .isTrue();

        // When
        int version = harness.rotate(ALICE);
        harness.tick();

        // Then
        Map<String, Envelope> written = byKey(harness.envelopesOut.readRecordsToList());
        assertThat(written).containsOnlyKeys(alices).doesNotContainKey(bobAndCarol);
        for (String id : alices) {
            Envelope next = written.get(id);
            Envelope first = harness.firstGenerations.get(id);
            assertThat(next.getGeneration()).isEqualTo(first.getGeneration() + 1);
            assertThat(wrapOf(next, ALICE).getKeyVersion()).isEqualTo(version);
            assertThat(Opening.encode(
                            Opening.open(harness.encrypted.get(id), next, harness.keys.privateKey(ALICE, version))))
                    .isEqualTo(Opening.encode(
                            Opening.open(harness.encrypted.get(id), first, harness.base.privateKey(ALICE))));
            assertThat(othersOf(next)).isEqualTo(othersOf(first));
            assertThat(next.getSealId()).isEqualTo(first.getSealId());
        }
        assertThat(harness.client.requests()).hasSize(1);
        assertThat(harness.client.requests().get(0).items()).hasSize(3);
        assertThat(harness.pending(ALICE)).isZero();
    }

    @Test
    void eachRewrittenEnvelopeHasOneRewrappedEventNamingTheVersionsAndGeneration() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));

        // When
        int version = harness.rotate(ALICE);
        harness.tick();

        // Then
        TestRecord<String, AccessEvent> event = harness.events.readRecord();
        assertThat(harness.events.isEmpty()).isTrue();
        assertThat(event.key()).isEqualTo(id);
        assertThat(event.value().getType()).isEqualTo(AccessEventType.REWRAPPED);
        assertThat(event.value().getTransactionId()).isEqualTo(id);
        assertThat(event.value().getAttributes())
                .containsEntry("participant", ALICE)
                .containsEntry("fromKeyVersion", "3")
                .containsEntry("toKeyVersion", Integer.toString(version))
                .containsEntry("generation", "2")
                .containsEntry("escrowKeyUsed", "false");
    }

    @Test
    void theOldKeyNoLongerOpensTheRewrittenWrap() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));

        // When
        harness.rotate(ALICE);
        harness.tick();

        // Then
        Envelope next = harness.envelopesOut.readValue();
        assertThatThrownBy(() -> Opening.open(harness.encrypted.get(id), next, harness.base.privateKey(ALICE)))
                .isInstanceOf(EnvelopeException.class);
    }

    @Test
    void anEnvelopeThatChangedGenerationMeanwhileIsNotOverwritten() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));
        Envelope first = harness.firstGenerations.get(id);
        Envelope other = Envelope.newBuilder(first).setGeneration(2).build();
        harness.client.beforeAnswer(request -> {
            // another writer's generation 2 lands while the key service computes from generation 1
            harness.envelopeStore().put(id, other);
            harness.client.beforeAnswer(again -> {});
        });

        // When
        int version = harness.rotate(ALICE);
        harness.tick();

        // Then
        assertThat(harness.envelopesOut.isEmpty())
                .as("no generation written over generation 2")
                .isTrue();
        assertThat(harness.pending(ALICE)).as("still queued").isEqualTo(1);

        // When
        harness.tick();

        // Then
        Envelope written = harness.envelopesOut.readValue();
        assertThat(written.getGeneration()).isEqualTo(3);
        assertThat(wrapOf(written, ALICE).getKeyVersion()).isEqualTo(version);
        assertThat(harness.client.requests().get(1).items().get(0).generation()).isEqualTo(2);
    }

    @Test
    void notYetVisibleIsRetriedOnALaterPunctuation() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));
        harness.client.notYetVisible(id);
        harness.rotate(ALICE);

        // When
        harness.tick();

        // Then
        assertThat(harness.envelopesOut.isEmpty()).isTrue();
        assertThat(harness.deadLetters.isEmpty()).isTrue();
        assertThat(harness.pending(ALICE)).isEqualTo(1);

        // When
        harness.client.visible(id);
        harness.tick();

        // Then
        assertThat(harness.envelopesOut.readValue().getGeneration()).isEqualTo(2);
        assertThat(harness.pending(ALICE)).isZero();
    }

    @Test
    void anUnavailableKeyServiceLeavesTheWorkQueued() {
        // Given
        harness.sealAndPipe(List.of(ALICE, BOB));
        harness.client.unavailable(true);
        harness.rotate(ALICE);

        // When
        harness.tick();

        // Then
        assertThat(harness.envelopesOut.isEmpty()).isTrue();
        assertThat(harness.pending(ALICE)).isEqualTo(1);

        // When
        harness.client.unavailable(false);
        harness.tick();

        // Then
        assertThat(harness.envelopesOut.readValue().getGeneration()).isEqualTo(2);
    }

    @Test
    void aPermanentErrorBecomesADeadLetterWithCoordinatesOnly() {
        // Given an envelope the key service does not know
        String id = harness.seal(List.of(ALICE, BOB));
        harness.client.knows(harness.encrypted.get(id));
        Envelope unknown = Envelope.newBuilder(harness.firstGenerations.get(id))
                .setTransactionId("txn-unknown")
                .build();
        harness.envelopesIn.pipeInput("txn-unknown", unknown);

        // When
        harness.rotate(ALICE);
        harness.tick();

        // Then
        DeadLetter letter = harness.deadLetters.readValue();
        assertThat(letter.getTransactionId()).isEqualTo("txn-unknown");
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.REWRAP_FAILED.name());
        assertThat(letter.getDetail()).contains(ALICE).contains("UNKNOWN_TRANSACTION");
        assertThat(harness.envelopesOut.isEmpty()).isTrue();
        assertThat(harness.pending(ALICE)).as("not retried forever").isZero();
    }

    @Test
    void aTombstoneRemovesTheIndexEntries() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));

        // When
        harness.envelopesIn.pipeInput(id, null);
        harness.rotate(ALICE);
        harness.tick();

        // Then
        assertThat(harness.indexStore().approximateNumEntries()).isZero();
        assertThat(harness.envelopeStore().get(id)).isNull();
        assertThat(harness.client.requests()).isEmpty();
        assertThat(harness.envelopesOut.isEmpty()).isTrue();
    }

    @Test
    void aRotationInAnUnsignedKeyringIsNotActedOn() {
        // Given
        harness.sealAndPipe(List.of(ALICE, BOB));
        ParticipantKeyring forged = ParticipantKeyring.newBuilder(harness.keys.rotate(ALICE))
                .setSignature(null)
                .build();

        // When
        harness.keyrings.pipeInput(ALICE, forged);
        harness.tick();

        // Then
        assertThat(harness.client.requests()).isEmpty();
        assertThat(harness.envelopesOut.isEmpty()).isTrue();
        assertThat(harness.pending(ALICE)).isZero();
    }

    @Test
    void aSecondRotationRewrapsAgain() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));
        harness.rotate(ALICE);
        harness.tick();
        harness.envelopesOut.readValue();

        // When
        int third = harness.rotate(ALICE);
        harness.tick();

        // Then
        Envelope written = harness.envelopesOut.readValue();
        assertThat(written.getGeneration()).isEqualTo(3);
        assertThat(wrapOf(written, ALICE).getKeyVersion()).isEqualTo(third);
        assertThat(Opening.open(harness.encrypted.get(id), written, harness.keys.privateKey(ALICE, third)))
                .isNotNull();
    }

    @Test
    void anEnvelopeArrivingUnderAnOldVersionAfterTheRotationIsRewrapped() {
        // Given
        int version = harness.rotate(ALICE);
        harness.tick();

        // When
        harness.sealAndPipe(List.of(ALICE, BOB));
        harness.tick();

        // Then
        assertThat(wrapOf(harness.envelopesOut.readValue(), ALICE).getKeyVersion())
                .isEqualTo(version);
    }

    @Test
    void aRotationOfOneParticipantLeavesTheOthersWrapsAndTheEscrowWrapUnchanged() {
        // Given
        String id = harness.sealAndPipe(List.of(ALICE, BOB));

        // When
        harness.rotate(ALICE);
        harness.tick();

        // Then
        Envelope next = harness.envelopesOut.readValue();
        Envelope first = harness.firstGenerations.get(id);
        assertThat(wrapOf(next, BOB)).isEqualTo(wrapOf(first, BOB));
        assertThat(wrapOf(next, Recipient.ESCROW_ID)).isEqualTo(wrapOf(first, Recipient.ESCROW_ID));
    }

    private static Map<String, Envelope> byKey(List<TestRecord<String, Envelope>> records) {
        return records.stream().collect(Collectors.toMap(TestRecord::key, TestRecord::value));
    }

    private static RecipientWrap wrapOf(Envelope envelope, String participant) {
        return EnvelopeIndex.wrapOf(envelope, participant).orElseThrow();
    }

    private static Map<String, RecipientWrap> othersOf(Envelope envelope) {
        return envelope.getWraps().stream()
                .filter(wrap -> !wrap.getRecipientId().equals(ALICE))
                .collect(Collectors.toMap(RecipientWrap::getRecipientId, Function.identity()));
    }
}
