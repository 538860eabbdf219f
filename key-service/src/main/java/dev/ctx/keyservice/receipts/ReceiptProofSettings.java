package dev.ctx.keyservice.receipts;

import java.time.Duration;
import java.util.Objects;

/**
 * How receipt proofs are answered.
 *
 * @param requireMfa whether the caller must have stepped up (the access path's {@code access.require.mfa}: a proof
 *        opens custodial keys as an access request does)
 * @param commitTimeout how long a request waits for its access event to commit
 * @param maxTransactions the most transactions one proof covers (one more is refused, never truncated)
 */
public record ReceiptProofSettings(boolean requireMfa, Duration commitTimeout, int maxTransactions) {

    /** The most transactions one sum proof covers. */
    public static final int MAX_TRANSACTIONS = 1_000;

    public ReceiptProofSettings {
        Objects.requireNonNull(commitTimeout, "commitTimeout");
        if (maxTransactions < 1 || maxTransactions > MAX_TRANSACTIONS) {
            throw new IllegalArgumentException("maxTransactions must be in [1, " + MAX_TRANSACTIONS + "]");
        }
    }
}
