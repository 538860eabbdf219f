package dev.ctx.keyservice.receipts;

import java.util.Locale;
import java.util.Optional;

/** What a receipt proof shows (docs/receipts.md): a sum over transactions, a range, or knowledge of an opening. */
public enum ProofKind {
    /** The amounts of 1..1,000 transactions sum to the stated total. */
    SUM,
    /** The amount of one transaction lies in [0, 2^64) minor units. */
    RANGE,
    /** Knowledge of the opening (v, r) of one transaction's commitment. */
    OPENING;

    /** The wire name: {@code sum}, {@code range} or {@code opening}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named exactly {@code wireName}; empty for anything else (no case folding). */
    public static Optional<ProofKind> fromWireName(String wireName) {
        for (ProofKind kind : values()) {
            if (kind.wireName().equals(wireName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
