package dev.ctx.client.access.error;

/** 404: the named resource (a grant, a participant) does not exist. */
public class NotFoundException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(Problem problem) {
        super(problem);
    }
}
