package dev.ctx.envelope.error;

/** A persisted byte layout is malformed: unknown version byte, truncated, or wrong length. */
public class EnvelopeFormatException extends EnvelopeException {

    private static final long serialVersionUID = 1L;

    public EnvelopeFormatException(String message) {
        super(message);
    }

    public EnvelopeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
