package dev.ctx.envelope.error;

/**
 * Root of every failure the envelope library reports. Messages name coordinates (layout, transaction id, recipient
 * id, key version), never key material or confidential plaintext.
 */
public class EnvelopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EnvelopeException(String message) {
        super(message);
    }

    public EnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
