package dev.ctx.keyservice.participants;

/** The store did not acknowledge a write; nothing was changed. Retrying later may succeed. */
public class StoreUnavailableException extends RegistryException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
