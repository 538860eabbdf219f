package dev.ctx.keyservice.grants;

/** No grant has this id (HTTP 404). */
public final class UnknownGrantException extends GrantException {

    private static final long serialVersionUID = 1L;

    public UnknownGrantException(String grantId) {
        super("no grant " + grantId);
    }
}
