package dev.ctx.processor.dlq;

import java.util.Objects;

/**
 * A transaction that must not be encrypted (and so must not be written anywhere but the dead-letter topic). The
 * message names ids only, never a confidential value.
 */
public final class RejectedTransactionException extends RuntimeException {

    private final DeadLetterReason reason;

    public RejectedTransactionException(DeadLetterReason reason, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectedTransactionException(DeadLetterReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
