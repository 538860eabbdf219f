package dev.ctx.keyservice.participants;

/** The participant or key version does not exist. */
public final class NotFoundException extends RegistryException {

    public NotFoundException(String message) {
        super(message);
    }
}
