package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

/** One sealer and one opener shared by several threads (per-thread Cipher and Mac) give correct results. */
class EnvelopeConcurrencyTest {

    private static final int THREADS = 4;
    private static final int TRANSACTIONS_PER_THREAD = 50;

    @Test
    void sharedSealerAndOpenerWorkFromManyThreads() throws Exception {
        // Given
        EnvelopeSealer sealer = EnvelopeSealer.create();
        EnvelopeOpener opener = EnvelopeOpener.create();
        Party miner = Party.generate("miner-789", 1);
        Party escrow = Party.generate(Recipient.ESCROW_ID, 1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> results = new ArrayList<>();
        // When
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> sealAndOpen(sealer, opener, miner, escrow, thread)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        // Then
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(TRANSACTIONS_PER_THREAD);
        }
    }

    private static int sealAndOpen(
            EnvelopeSealer sealer, EnvelopeOpener opener, Party miner, Party escrow, int thread) {
        int opened = 0;
        for (int i = 0; i < TRANSACTIONS_PER_THREAD; i++) {
            TransactionContext context =
                    TransactionContext.of("tx-" + thread + "-" + i, Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
            GenericRecord fields = Fixtures.confidentialFields("note " + thread + "/" + i);
            SealedTransaction sealed = sealer.seal(fields, context, List.of(miner.recipient(), escrow.recipient()));
            GenericRecord byMiner = opener.open(
                    sealed.ciphertext(), sealed.wrapFor(miner.id()), miner.privateKey(), context, Fixtures.SCHEMA);
            GenericRecord byEscrow = opener.open(
                    sealed.ciphertext(), sealed.wrapFor(escrow.id()), escrow.privateKey(), context, Fixtures.SCHEMA);
            if (byMiner.equals(fields) && byEscrow.equals(fields)) {
                opened++;
            }
        }
        return opened;
    }
}
