package dev.ctx.envelope.receipts;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * What a sum proof claims: the amounts committed in {@code entries} (in this order) sum to {@code total} minor units,
 * stated by {@code participant}. The verifier takes every commitment from {@code transactions.receipts}, never from
 * the prover.
 *
 * @param participant who states the sum (bound into the transcript)
 * @param entries the transactions and their commitments, at least one, distinct transaction ids
 * @param total the stated sum in minor units, in [0, n)
 */
public record SumStatement(String participant, List<Entry> entries, BigInteger total) {

    /** One transaction of the statement. */
    public record Entry(String transactionId, Commitment commitment) {
        public Entry {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(commitment, "commitment");
        }
    }

    public SumStatement {
        Objects.requireNonNull(participant, "participant");
        entries = List.copyOf(entries);
        Objects.requireNonNull(total, "total");
        if (entries.isEmpty()) {
            throw new InvalidInputException("a sum statement needs at least one transaction");
        }
        if (entries.stream().map(Entry::transactionId).distinct().count() != entries.size()) {
            throw new InvalidInputException("a sum statement names a transaction twice");
        }
        if (total.signum() < 0 || total.compareTo(ReceiptGroup.order()) >= 0) {
            throw new InvalidInputException("the stated total is not in [0, n)");
        }
    }

    List<Commitment> commitments() {
        return entries.stream().map(Entry::commitment).toList();
    }
}
