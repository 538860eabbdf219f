package dev.ctx.keyservice.kek;

/** A KEK could not be loaded or used. Messages name the provider and alias, never key material. */
public class KekException extends RuntimeException {

    public KekException(String message) {
        super(message);
    }

    public KekException(String message, Throwable cause) {
        super(message, cause);
    }
}
