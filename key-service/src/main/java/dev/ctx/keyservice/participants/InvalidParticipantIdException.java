package dev.ctx.keyservice.participants;

/** A participant id is malformed or reserved. The message never echoes the input. */
public final class InvalidParticipantIdException extends RegistryException {

    public InvalidParticipantIdException() {
        super("participant id must be 1-64 characters of [A-Za-z0-9._-] starting with a letter or digit");
    }
}
