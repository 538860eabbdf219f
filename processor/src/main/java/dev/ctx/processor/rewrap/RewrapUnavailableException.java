package dev.ctx.processor.rewrap;

/** The key service could not answer a rewrap batch now (network, timeout, 503); the batch stays queued. */
public final class RewrapUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RewrapUnavailableException(String message) {
        super(message);
    }

    public RewrapUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
