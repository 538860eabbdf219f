package dev.ctx.client.access.error;

/** 503 AUDIT_UNAVAILABLE: the access event could not be committed, so no data was released. */
public class AuditUnavailableException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(Problem problem) {
        super(problem);
    }
}
