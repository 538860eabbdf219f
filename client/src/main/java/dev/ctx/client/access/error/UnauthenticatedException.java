package dev.ctx.client.access.error;

/** 401: the call carried no valid credentials (bearer JWT or client certificate). */
public class UnauthenticatedException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public UnauthenticatedException(Problem problem) {
        super(problem);
    }
}
