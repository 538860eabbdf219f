package dev.ctx.client.access.error;

/** 409 PARTICIPANT_HELD_KEY: the caller holds its own key (BYOK); open locally ({@code LocalOpener}). */
public class ParticipantHeldKeyException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public ParticipantHeldKeyException(Problem problem) {
        super(problem);
    }
}
