package dev.ctx.keyservice.escrow;

import java.util.List;
import java.util.Objects;

/**
 * What an escrow open returns: the case after the open and, for each named transaction in filing order, its fields or
 * why it was not opened.
 *
 * @param escrowCase the request after this open (OPENED, {@code opens} counted)
 * @param transactions one entry per named transaction
 */
public record EscrowOpenResult(EscrowCase escrowCase, List<EscrowOpenedTransaction> transactions) {

    public EscrowOpenResult {
        Objects.requireNonNull(escrowCase, "escrowCase");
        transactions = List.copyOf(transactions);
    }
}
