package dev.ctx.keyservice.custody;

/** A sealed private key could not be opened or decoded. Messages carry coordinates only. */
public class CustodyException extends RuntimeException {

    public CustodyException(String message) {
        super(message);
    }

    public CustodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
