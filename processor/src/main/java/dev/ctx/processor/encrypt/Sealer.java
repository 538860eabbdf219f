package dev.ctx.processor.encrypt;

import java.util.List;

import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.schemas.transaction.Transaction;

/**
 * Seals the confidential fields of a transaction under a fresh DEK wrapped for every recipient. Thread-safe.
 *
 * <p>Lifecycle: each stream task calls {@link #forTask()} in its processor's {@code init} and {@link #close()} on the
 * result in {@code close}. A sealer with per-task state (epoch wraps: HPKE contexts that must never be reused or
 * restored) returns a new instance with new epochs; a stateless one returns itself.
 */
public interface Sealer extends AutoCloseable {

    /** The sealer one stream task uses from its start to its close. */
    default Sealer forTask() {
        return this;
    }

    /** Ends this task's use of the sealer and destroys its in-memory secrets (epoch contexts). */
    @Override
    default void close() {}

    /**
     * @param recipients the participants (sorted, distinct) followed by the escrow key
     * @throws dev.ctx.envelope.error.EnvelopeException if the envelope library refuses
     */
    SealResult seal(Transaction transaction, List<ResolvedRecipient> recipients);
}
