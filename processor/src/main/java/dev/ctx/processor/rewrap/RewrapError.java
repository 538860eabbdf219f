package dev.ctx.processor.rewrap;

import java.util.Arrays;

/** The per-item error codes of the key service's rewrap answer. */
public enum RewrapError {
    /** The key service does not know the transaction. */
    UNKNOWN_TRANSACTION,
    /** The key service has not seen this envelope generation yet: retried on a later punctuation. */
    NOT_YET_VISIBLE,
    /** The wrap sent differs from the one the key service holds for that generation. */
    WRAP_MISMATCH,
    /** The old wrap did not open (authentication failed). */
    INTEGRITY_FAILURE,
    /** The transaction was crypto-shredded. */
    SHREDDED,
    /** The old key version cannot be opened (destroyed, or not held). */
    KEY_NOT_OPENABLE,
    /** The participant holds its own key: the key service cannot rewrap it. */
    PARTICIPANT_HELD_KEY,
    /** A code this processor does not know (a newer key service). */
    UNRECOGNIZED;

    /** The error named {@code code}, or {@link #UNRECOGNIZED}. */
    public static RewrapError fromCode(String code) {
        return Arrays.stream(values())
                .filter(error -> error != UNRECOGNIZED && error.name().equals(code))
                .findFirst()
                .orElse(UNRECOGNIZED);
    }

    /** Whether the item stays queued and is asked again later. */
    public boolean retryLater() {
        return this == NOT_YET_VISIBLE;
    }
}
