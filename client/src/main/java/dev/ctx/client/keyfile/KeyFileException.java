package dev.ctx.client.keyfile;

/**
 * A participant key file cannot be used: missing, readable by others, malformed, of an unknown format, or its public
 * key does not belong to its private key. Messages name the file and the field, never key bytes.
 */
public class KeyFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
