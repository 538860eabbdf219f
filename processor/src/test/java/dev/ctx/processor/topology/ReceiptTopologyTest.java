package dev.ctx.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.receipts.Commitment;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopologyHarness;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.receipts.Receipt;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/** The receipt branch of the encryption topology (issue 18): one receipt per sealed transaction. */
class ReceiptTopologyTest {

    private static final List<String> PARTICIPANTS = List.of("client-1", "miner-1");
    private final TestKeyrings keys = TestKeyrings.forParticipants(PARTICIPANTS);
    private final TransactionGenerator generator = new TransactionGenerator(
            GeneratorSettings.benchmarkDefault("txn").withParticipants(PARTICIPANTS, 2, 2), 7L);
    private TopologyHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void sealedTransactionGetsAReceiptWhoseOpeningProofVerifiesAndWhoseBlindingIsSealed() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();
        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
        // Then
        Receipt receipt = harness.receipts.readValue();
        EncryptedTransaction encrypted = harness.encrypted.readValue();
        Envelope envelope = harness.envelopes.readValue();
        assertThat(harness.receipts.isEmpty()).isTrue();
        assertThat(receipt.getTransactionId()).isEqualTo(transaction.getTransactionId());
        assertThat(receipt.getParticipants()).isEqualTo(transaction.getParticipants());
        assertThat(receipt.getAmountScale()).isEqualTo(8);
        assertThat(receipt.getSealId()).isEqualTo(encrypted.getSealed().getSealId());
        Commitment commitment = Commitment.parse(Opening.bytes(receipt.getCommitment()));
        assertThat(OpeningProof.parse(Opening.bytes(receipt.getOpeningProof()))
                        .verify(transaction.getTransactionId(), commitment))
                .isTrue();
        GenericRecord opened = Opening.open(encrypted, envelope, keys.privateKey("miner-1"));
        byte[] blinding = ConfidentialFields.receiptBlinding(opened).orElseThrow();
        BigInteger minorUnits =
                ((BigDecimal) opened.get("amount")).movePointRight(8).toBigIntegerExact();
        assertThat(commitment.opensTo(
                        dev.ctx.envelope.receipts.Opening.of(minorUnits, blinding))) // qualified: the test
                .isTrue(); // helper Opening is imported
    }

    @Test
    void transactionPassedInClearGetsNoReceipt() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();
        transaction.setConfidential(false);
        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
        // Then
        assertThat(harness.encrypted.readValue().getConfidential()).isFalse();
        assertThat(harness.receipts.isEmpty()).isTrue();
    }

    @Test
    void negativeAmountIsSealedWithoutAReceipt() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();
        transaction.setAmount(new BigDecimal("-1.00000000"));
        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
        // Then
        EncryptedTransaction encrypted = harness.encrypted.readValue();
        GenericRecord opened = Opening.open(encrypted, harness.envelopes.readValue(), keys.privateKey("miner-1"));
        assertThat(harness.receipts.isEmpty()).isTrue();
        assertThat(ConfidentialFields.receiptBlinding(opened)).isEmpty();
    }

    @Test
    void receiptsCanBeTurnedOff() {
        // Given
        harness = TopologyHarness.start(
                        EncryptionMode.OPT_IN, EnvelopeLibrarySealer.create().withoutReceipts())
                .publish(keys);
        Transaction transaction = generator.next();
        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
        // Then
        assertThat(harness.encrypted.readValue().getSealed()).isNotNull();
        assertThat(harness.receipts.isEmpty()).isTrue();
    }
}
