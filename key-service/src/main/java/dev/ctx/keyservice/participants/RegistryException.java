package dev.ctx.keyservice.participants;

/** A registry operation was refused. Subclasses say why; messages carry ids and versions only. */
public class RegistryException extends RuntimeException {

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
