package dev.ctx.processor.encrypt;

import java.util.List;

import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.schemas.transaction.Transaction;

/** Seals the confidential fields of a transaction under a fresh DEK wrapped for every recipient. Thread-safe. */
public interface Sealer {

    /**
     * @param recipients the participants (sorted, distinct) followed by the escrow key
     * @throws dev.ctx.envelope.error.EnvelopeException if the envelope library refuses
     */
    SealResult seal(Transaction transaction, List<ResolvedRecipient> recipients);
}
