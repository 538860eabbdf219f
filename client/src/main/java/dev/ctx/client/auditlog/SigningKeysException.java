package dev.ctx.client.auditlog;

/** The published signing keys cannot be read: malformed JSON, an unknown algorithm or a key of the wrong length. */
public final class SigningKeysException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SigningKeysException(String message) {
        super(message);
    }

    SigningKeysException(String message, Throwable cause) {
        super(message, cause);
    }
}
