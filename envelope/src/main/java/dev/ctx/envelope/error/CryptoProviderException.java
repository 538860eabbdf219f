package dev.ctx.envelope.error;

/** The JDK crypto provider is missing an algorithm or misbehaved (see the self-check). */
public class CryptoProviderException extends EnvelopeException {

    private static final long serialVersionUID = 1L;

    public CryptoProviderException(String message) {
        super(message);
    }

    public CryptoProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
