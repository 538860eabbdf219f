package dev.ctx.client.auditlog;

/** An export file that is not one: malformed JSON, an unknown line kind or format, a missing field or trailer. */
public final class ExportFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final boolean cutShort;

    ExportFileException(long line, String message, boolean cutShort) {
        super("export file line " + line + ": " + message);
        this.line = line;
        this.cutShort = cutShort;
    }

    ExportFileException(long line, String message, Throwable cause) {
        super("export file line " + line + ": " + message, cause);
        this.line = line;
        this.cutShort = false;
    }

    /** The 1-based line the problem is on. */
    public long line() {
        return line;
    }

    /** Whether the file ends before its trailer. */
    public boolean cutShort() {
        return cutShort;
    }
}
