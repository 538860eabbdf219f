package dev.ctx.envelope.error;

/** Decryption failed authentication: tag mismatch, wrong key, or tampered ciphertext, nonce, enc, AAD or HPKE info. */
public class AuthenticationFailedException extends EnvelopeException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message);
    }

    public AuthenticationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
