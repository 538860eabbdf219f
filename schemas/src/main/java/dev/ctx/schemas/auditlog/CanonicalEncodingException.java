package dev.ctx.schemas.auditlog;

/** Bytes that are not a canonical encoding of an access event; carries no event content. */
public final class CanonicalEncodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CanonicalEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
