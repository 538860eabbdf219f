package dev.ctx.processor.audit;

import java.util.Objects;

/** A checkpoint was not signed; names the reason and the HTTP status, never a body or a token. */
public final class CheckpointSigningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CheckpointFailure reason;

    public CheckpointSigningException(CheckpointFailure reason, String message) {
        this(reason, message, null);
    }

    public CheckpointSigningException(CheckpointFailure reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public CheckpointFailure reason() {
        return reason;
    }
}
