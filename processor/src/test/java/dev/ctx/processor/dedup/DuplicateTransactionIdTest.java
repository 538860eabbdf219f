package dev.ctx.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.error.SealIdMismatchException;
import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.metrics.MicrometerProcessorMetrics;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopologyHarness;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/** A repeated transaction id never replaces or shreds the first seal (TopologyTestDriver, persistent store). */
class DuplicateTransactionIdTest {

    private static final List<String> PARTICIPANTS = List.of("client-1", "miner-1", "miner-2");
    private final TestKeyrings keys = TestKeyrings.forParticipants(PARTICIPANTS);
    private final TransactionGenerator generator = new TransactionGenerator(
            GeneratorSettings.benchmarkDefault("txn").withParticipants(PARTICIPANTS, 2, 3), 7L);
    private TopologyHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aRepeatedIdWithIdenticalContentIsDroppedWithoutAnyOutput() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();
        harness.transactions.pipeInput(
                transaction.getTransactionId(), transaction, Instant.parse("2026-11-24T10:00:00Z"));

        // When: the producer re-sends it (another Kafka timestamp, same value)
        harness.transactions.pipeInput(
                transaction.getTransactionId(),
                Transaction.newBuilder(transaction).build(),
                Instant.parse("2026-11-24T11:00:00Z"));

        // Then
        assertThat(harness.encrypted.readValuesToList()).hasSize(1);
        assertThat(harness.envelopes.readValuesToList()).hasSize(1);
        assertThat(harness.accessEvents.readValuesToList()).hasSize(1);
        assertThat(harness.deadLetters.isEmpty()).isTrue();
        assertThat(harness.count(MicrometerProcessorMetrics.DUPLICATES_DROPPED)).isEqualTo(1.0);
        assertThat(harness.count(MicrometerProcessorMetrics.RECORDS_IN)).isEqualTo(2.0);
    }

    @Test
    void aRepeatedIdWithDifferentContentIsADeadLetterAndTheFirstEnvelopeStillOpens() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction first = generator.next();
        harness.transactions.pipeInput(first.getTransactionId(), first);
        EncryptedTransaction encrypted = harness.encrypted.readValue();
        Envelope envelope = harness.envelopes.readValue();
        harness.accessEvents.readValuesToList();
        Transaction changed = Transaction.newBuilder(first)
                .setAmount(first.getAmount().add(BigDecimal.ONE))
                .build();

        // When
        harness.transactions.pipeInput(changed.getTransactionId(), changed);

        // Then: only a dead letter, nothing on the envelope topic
        DeadLetter letter = harness.deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.DUPLICATE_TRANSACTION_ID.name());
        assertThat(letter.getTransactionId()).isEqualTo(first.getTransactionId());
        assertThat(harness.encrypted.isEmpty() && harness.envelopes.isEmpty() && harness.accessEvents.isEmpty())
                .isTrue();
        assertThat(harness.deadLetterCount(DeadLetterReason.DUPLICATE_TRANSACTION_ID.name()))
                .isEqualTo(1.0);
        assertThat(harness.count(MicrometerProcessorMetrics.RECORDS_IN)).isEqualTo(2.0);
        for (String recipient : List.of(first.getParticipants().get(0), Recipient.ESCROW_ID)) {
            GenericRecord opened = Opening.open(encrypted, envelope, keys.privateKey(recipient));
            assertThat(opened.get("amount")).as(recipient).isEqualTo(first.getAmount());
        }
    }

    @Test
    void aRejectedFirstRecordIsNotRememberedSoItsReSendIsSealed() {
        // Given: no keyrings yet, so the first attempt is a dead letter
        harness = TopologyHarness.start(EncryptionMode.OPT_IN);
        Transaction transaction = generator.next();
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
        assertThat(harness.deadLetters.readValue().getReason()).isEqualTo(DeadLetterReason.UNKNOWN_PARTICIPANT.name());

        // When: the keyrings arrive and the producer re-sends
        harness.publish(keys);
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        assertThat(harness.envelopes.readValuesToList()).hasSize(1);
        assertThat(harness.count(MicrometerProcessorMetrics.DUPLICATES_DROPPED)).isZero();
    }

    @Test
    void aRepeatedClearTransactionIsDeduplicatedToo() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction clear =
                Transaction.newBuilder(generator.next()).setConfidential(false).build();
        harness.transactions.pipeInput(clear.getTransactionId(), clear);

        // When
        harness.transactions.pipeInput(clear.getTransactionId(), clear);
        harness.transactions.pipeInput(
                clear.getTransactionId(),
                Transaction.newBuilder(clear).setConfidential(true).build());

        // Then
        assertThat(harness.encrypted.readValuesToList()).hasSize(1);
        assertThat(harness.envelopes.isEmpty()).isTrue();
        assertThat(harness.deadLetters.readValue().getReason())
                .isEqualTo(DeadLetterReason.DUPLICATE_TRANSACTION_ID.name());
        assertThat(harness.count(MicrometerProcessorMetrics.DUPLICATES_DROPPED)).isEqualTo(1.0);
    }

    @Test
    void anEnvelopeOfAnotherSealOfTheSameIdIsATypedMismatch() {
        // Given: two seals of one id, as two processors without a shared store would have written them
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
        EncryptedTransaction encrypted = harness.encrypted.readValue();
        Envelope envelope = harness.envelopes.readValue();
        byte[] otherSealId = new byte[16];
        Envelope other = Envelope.newBuilder(envelope)
                .setSealId(ByteBuffer.wrap(otherSealId))
                .build();

        // When / Then
        assertThat(Opening.bytes(encrypted.getSealed().getSealId()))
                .isEqualTo(Opening.bytes(envelope.getSealId()))
                .hasSize(16);
        assertThatThrownBy(() -> Opening.open(encrypted, other, keys.privateKey(Recipient.ESCROW_ID)))
                .isExactlyInstanceOf(SealIdMismatchException.class)
                .hasMessageContaining(transaction.getTransactionId());
    }
}
