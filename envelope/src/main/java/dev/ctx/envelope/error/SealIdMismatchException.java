package dev.ctx.envelope.error;

/**
 * A DEK wrap (or an envelope) belongs to another seal than the ciphertext: their seal ids or format versions differ,
 * for example because a transaction id was sealed twice. Raised before any decryption is attempted.
 */
public class SealIdMismatchException extends EnvelopeException {

    private static final long serialVersionUID = 1L;

    public SealIdMismatchException(String message) {
        super(message);
    }
}
