package dev.ctx.cli.audit;

/** The sealed access log could not be read, or one of its entries did not decode; names the coordinates. */
public final class AuditLogReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditLogReadException(String message) {
        super(message);
    }

    public AuditLogReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
