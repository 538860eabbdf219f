package dev.ctx.keyservice.custody;

/**
 * The key version belongs to a participant that holds its own private key (BYOK): this service has no private part to
 * open, and the participant opens locally with the consumer client. HTTP 409.
 */
public final class ParticipantHeldKeyException extends RuntimeException {

    public ParticipantHeldKeyException(String participantId, int version) {
        super("key " + participantId + " v" + version + " is held by the participant; open it locally with ctx-client");
    }
}
