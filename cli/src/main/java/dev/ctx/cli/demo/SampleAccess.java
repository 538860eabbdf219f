package dev.ctx.cli.demo;

import java.time.Duration;

import dev.ctx.client.access.AccessClient;
import dev.ctx.client.access.AccessResult;
import dev.ctx.client.access.error.KeyServiceException;
import dev.ctx.client.access.error.UnknownTransactionException;

/**
 * An access request for a transaction the processor just wrote: the key service's lookup view answers 404
 * {@code UNKNOWN_TRANSACTION} until both the encrypted record and its envelope reached it (and 503 while the view is
 * being rebuilt), so those answers are retried for a short while. Every other answer is final.
 */
final class SampleAccess {

    private static final Duration PAUSE = Duration.ofMillis(250);

    private SampleAccess() {}

    /**
     * The answer to {@code client}'s request, once the view knows the transaction.
     *
     * @throws KeyServiceException the final refusal, or the last 404/503 after {@code patience}
     */
    static AccessResult request(AccessClient client, String transactionId, String purpose, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return client.requestAccess(transactionId, purpose);
            } catch (KeyServiceException e) {
                if (!notYetInView(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(PAUSE.toMillis());
            }
        }
    }

    private static boolean notYetInView(KeyServiceException e) {
        return e instanceof UnknownTransactionException || e.status() == 503;
    }
}
