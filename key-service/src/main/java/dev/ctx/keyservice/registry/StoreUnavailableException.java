package dev.ctx.keyservice.registry;

/** The store did not acknowledge a write; nothing was changed. Retrying later may succeed. */
public final class StoreUnavailableException extends RegistryException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
