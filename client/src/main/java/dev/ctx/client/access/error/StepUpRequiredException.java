package dev.ctx.client.access.error;

/** 401 STEP_UP_REQUIRED: decryption needs a JWT whose {@code amr} names a second factor, or mTLS. */
public class StepUpRequiredException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public StepUpRequiredException(Problem problem) {
        super(problem);
    }
}
