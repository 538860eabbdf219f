package dev.ctx.client.access.error;

/** 400 MALFORMED_REQUEST: the request body or a parameter is malformed. */
public class MalformedRequestException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public MalformedRequestException(Problem problem) {
        super(problem);
    }
}
