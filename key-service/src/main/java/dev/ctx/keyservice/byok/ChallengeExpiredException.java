package dev.ctx.keyservice.byok;

/**
 * No such pending challenge: expired, already answered, superseded by a newer one, or lost in a restart or on another
 * replica. The participant starts a new proof of possession. 410.
 */
public final class ChallengeExpiredException extends RuntimeException {

    /** The reason code of the refusal. */
    public static final String REASON = "CHALLENGE_EXPIRED";

    public ChallengeExpiredException(String participantId, int version) {
        super("no pending challenge for " + participantId + " v" + version + "; start a new proof of possession");
    }
}
