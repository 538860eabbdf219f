package dev.ctx.client.access.error;

/** 422 INTEGRITY_FAILURE: the stored ciphertext or envelope failed authentication (tampered). */
public class IntegrityFailureException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public IntegrityFailureException(Problem problem) {
        super(problem);
    }
}
