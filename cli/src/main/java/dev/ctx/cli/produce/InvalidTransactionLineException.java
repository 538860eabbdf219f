package dev.ctx.cli.produce;

/** A JSON Lines record that is not a valid transaction; names the line and field, never the value. */
public final class InvalidTransactionLineException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidTransactionLineException(int line, String field, String problem) {
        super("line " + line + ": " + field + " " + problem);
    }
}
