package dev.ctx.client.access.error;

/** 403: the access decision denied the call; {@link #reason()} says why (e.g. {@code NOT_A_PARTICIPANT}). */
public class AccessDeniedException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(Problem problem) {
        super(problem);
    }
}
