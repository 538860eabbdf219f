package dev.ctx.keyservice.escrow;

import java.util.Map;
import java.util.Objects;

/**
 * One named transaction of an escrow open.
 *
 * @param transactionId the transaction
 * @param status {@code OPENED}, or why not: {@code UNKNOWN_TRANSACTION}, {@code SHREDDED} (envelope tombstoned, or the
 *     escrow key version revoked or destroyed), {@code INTEGRITY_FAILURE} (tampered), {@code NO_ESCROW_WRAP}
 * @param fields the opened fields, JSON-ready; empty unless OPENED
 */
public record EscrowOpenedTransaction(String transactionId, String status, Map<String, Object> fields) {

    public static final String OPENED = "OPENED";

    public EscrowOpenedTransaction {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
        fields = Map.copyOf(fields);
    }

    static EscrowOpenedTransaction notOpened(String transactionId, String status) {
        return new EscrowOpenedTransaction(transactionId, status, Map.of());
    }

    public boolean isOpened() {
        return OPENED.equals(status);
    }

    /** Names only: the values never go to logs. */
    @Override
    public String toString() {
        return "EscrowOpenedTransaction[transactionId=" + transactionId + ", status=" + status + ", fields="
                + fields.keySet() + "]";
    }
}
