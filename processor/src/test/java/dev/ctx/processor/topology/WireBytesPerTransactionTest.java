package dev.ctx.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.EpochPolicy;
import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.config.WrapMode;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopologyHarness;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/**
 * Bytes per transaction on the wire, measured with the real serdes: the same generated inputs (the benchmark's
 * payload, 3 participants + escrow) through the topology in per-transaction and in epoch wrap mode. Epoch wraps cost
 * 24 bytes more per wrap (epoch id and sequence number, docs/envelope-format.md#epoch-wraps) and nothing elsewhere.
 * Prints the table quoted in BENCHMARKS.md.
 */
class WireBytesPerTransactionTest {

    private static final int TRANSACTIONS = 1_000;
    private static final int WRAPS = 4;
    private static final int EPOCH_WRAP_EXTRA_BYTES = 24;
    private final TestKeyrings keys = TestKeyrings.forParticipants(
            GeneratorSettings.benchmarkDefault("txn").participantPool());

    /** Sums of record key + value bytes (Confluent framing included, Kafka batch framing not) over every output. */
    private record WireBytes(long input, long encrypted, long envelopes, long accessEvents) {

        double perTransaction(long bytes) {
            return (double) bytes / TRANSACTIONS;
        }
    }

    private WireBytes measure(WrapMode mode) {
        TransactionGenerator generator = new TransactionGenerator(GeneratorSettings.benchmarkDefault("txn"), 7L);
        EnvelopeLibrarySealer sealer = EnvelopeLibrarySealer.create(mode, EpochPolicy.defaults());
        try (TopologyHarness harness =
                TopologyHarness.start(EncryptionMode.ALWAYS, sealer).publish(keys)) {
            long input = 0;
            long keyBytes = 0;
            for (int i = 0; i < TRANSACTIONS; i++) {
                Transaction transaction = generator.next();
                int key = transaction.getTransactionId().getBytes(StandardCharsets.UTF_8).length;
                keyBytes += key;
                input += key
                        + harness.serdes
                                .transaction()
                                .serializer()
                                .serialize(harness.topics.transactions(), transaction)
                                .length;
                harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
            }
            return new WireBytes(
                    input,
                    keyBytes + sum(harness.rawValues(harness.topics.encrypted())),
                    keyBytes + sum(harness.rawValues(harness.topics.envelopes())),
                    keyBytes + sum(harness.rawValues(harness.topics.accessEvents())));
        }
    }

    private static long sum(List<byte[]> values) {
        assertThat(values).hasSize(TRANSACTIONS);
        return values.stream().mapToLong(value -> value.length).sum();
    }

    @Test
    void epochWrapsAddTwentyFourBytesPerWrapAndNothingToTheEncryptedRecord() {
        // Given the same inputs in both modes
        // When
        WireBytes perTransaction = measure(WrapMode.PER_TRANSACTION);
        WireBytes epoch = measure(WrapMode.EPOCH);
        // Then
        print("per-transaction", perTransaction);
        print("epoch", epoch);
        assertThat(epoch.input()).isEqualTo(perTransaction.input());
        assertThat(epoch.encrypted()).isEqualTo(perTransaction.encrypted());
        assertThat(epoch.accessEvents()).isEqualTo(perTransaction.accessEvents());
        assertThat(epoch.envelopes() - perTransaction.envelopes())
                .isEqualTo((long) TRANSACTIONS * WRAPS * EPOCH_WRAP_EXTRA_BYTES);
    }

    private static void print(String mode, WireBytes bytes) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                mode,
                bytes.perTransaction(bytes.input()),
                bytes.perTransaction(bytes.encrypted()),
                bytes.perTransaction(bytes.envelopes()),
                bytes.perTransaction(bytes.encrypted() + bytes.envelopes()),
                bytes.perTransaction(bytes.accessEvents()));
    }
}
