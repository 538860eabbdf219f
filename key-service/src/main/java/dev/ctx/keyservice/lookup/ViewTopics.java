package dev.ctx.keyservice.lookup;

import java.util.Objects;

/**
 * The two topics the view reads, co-partitioned by transaction id.
 *
 * @param encrypted {@code transactions.encrypted} (values {@code EncryptedTransaction})
 * @param envelopes {@code transactions.envelopes} (values {@code Envelope}; compacted, tombstones shred)
 */
public record ViewTopics(String encrypted, String envelopes) {

    public ViewTopics {
        Objects.requireNonNull(encrypted, "encrypted");
        Objects.requireNonNull(envelopes, "envelopes");
        if (encrypted.equals(envelopes)) {
            throw new IllegalArgumentException("the view reads two distinct topics");
        }
    }

    /** The names the processor writes by default. */
    public static ViewTopics defaults() {
        return new ViewTopics("transactions.encrypted", "transactions.envelopes");
    }
}
