package dev.ctx.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.encrypt.SealResult;
import dev.ctx.processor.encrypt.Sealer;
import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopologyHarness;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/** The encryption step's audit ids and its task's sealer across the task's life, in a TopologyTestDriver. */
class EncryptionTaskTopologyTest {

    private static final List<String> PARTICIPANTS = List.of("client-1", "miner-1", "miner-2");
    private final TestKeyrings keys = TestKeyrings.forParticipants(PARTICIPANTS);

    @Test
    void eachInputRecordGetsItsOwnEncryptedEventIdAndReprocessingItGivesTheSameId() {
        // Given two runs of the topology over the same two input records
        List<List<String>> idsPerRun = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            TransactionGenerator generator = new TransactionGenerator(
                    GeneratorSettings.benchmarkDefault("txn").withParticipants(PARTICIPANTS, 3, 3), 3L);
            try (TopologyHarness harness =
                    TopologyHarness.start(EncryptionMode.ALWAYS).publish(keys)) {
                // When
                for (int i = 0; i < 2; i++) {
                    Transaction transaction = generator.next();
                    harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
                }
                idsPerRun.add(harness.accessEvents.readValuesToList().stream()
                        .map(AccessEvent::getEventId)
                        .toList());
            }
        }

        // Then
        assertThat(idsPerRun.get(0)).doesNotHaveDuplicates().hasSize(2);
        assertThat(idsPerRun.get(1)).isEqualTo(idsPerRun.get(0));
    }

    @Test
    void closingTheTopologyClosesTheTaskSealerOnce() {
        // Given
        ClosingCounter sealer = new ClosingCounter(EnvelopeLibrarySealer.create());
        TopologyHarness harness =
                TopologyHarness.start(EncryptionMode.ALWAYS, sealer).publish(keys);

        // When
        harness.close();

        // Then
        assertThat(sealer.closes.get()).isEqualTo(1);
    }

    /** A sealer that counts how often its task closed it. */
    private static final class ClosingCounter implements Sealer {

        final AtomicInteger closes = new AtomicInteger();
        private final Sealer delegate;

        ClosingCounter(Sealer delegate) {
            this.delegate = delegate;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }

        @Override
        public SealResult seal(Transaction transaction, List<ResolvedRecipient> recipients) {
            return delegate.seal(transaction, recipients);
        }
    }
}
