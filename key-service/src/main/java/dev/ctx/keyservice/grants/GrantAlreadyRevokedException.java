package dev.ctx.keyservice.grants;

/** The grant was revoked before (HTTP 409). */
public final class GrantAlreadyRevokedException extends GrantException {

    private static final long serialVersionUID = 1L;

    public GrantAlreadyRevokedException(String grantId) {
        super("grant " + grantId + " is already revoked");
    }
}
