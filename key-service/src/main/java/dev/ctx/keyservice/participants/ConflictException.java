package dev.ctx.keyservice.participants;

/** The operation conflicts with the current state (already exists, wrong key status, stale revision). */
public final class ConflictException extends RegistryException {

    public ConflictException(String message) {
        super(message);
    }
}
