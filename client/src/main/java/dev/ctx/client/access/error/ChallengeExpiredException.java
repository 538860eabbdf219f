package dev.ctx.client.access.error;

/** 410 CHALLENGE_EXPIRED: the proof-of-possession challenge expired or is unknown; start again. */
public class ChallengeExpiredException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public ChallengeExpiredException(Problem problem) {
        super(problem);
    }
}
