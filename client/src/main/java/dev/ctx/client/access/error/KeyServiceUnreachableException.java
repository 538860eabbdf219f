package dev.ctx.client.access.error;

/** No answer: the key service could not be reached, the TLS handshake failed, or the call timed out. */
public class KeyServiceUnreachableException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public KeyServiceUnreachableException(Problem problem, Throwable cause) {
        super(problem, cause);
    }
}
