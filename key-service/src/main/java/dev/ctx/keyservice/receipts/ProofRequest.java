package dev.ctx.keyservice.receipts;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A parsed receipt-proof request: exactly one of {@code transactionIds} or the range [{@code from}, {@code to}).
 *
 * @param kind the proof asked for
 * @param participant whose transactions (the caller itself)
 * @param transactionIds the transactions, in the statement's order; null when a range is given
 * @param from the range's first instant (inclusive); null when ids are given
 * @param to the range's end (exclusive); null when ids are given
 * @param statedTotal the sum in minor units the caller states (sum only); null to have the service state the sum
 */
public record ProofRequest(
        ProofKind kind,
        String participant,
        List<String> transactionIds,
        Instant from,
        Instant to,
        BigInteger statedTotal) {

    public ProofRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(participant, "participant");
        transactionIds = transactionIds == null ? null : List.copyOf(transactionIds);
        if ((transactionIds == null) == (from == null || to == null)) {
            throw new IllegalArgumentException("exactly one of transactionIds or from and to");
        }
    }

    /** Whether the transactions are named by a time range. */
    public boolean byRange() {
        return transactionIds == null;
    }
}
