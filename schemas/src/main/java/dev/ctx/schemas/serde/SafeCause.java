package dev.ctx.schemas.serde;

import org.apache.avro.AvroTypeException;

/**
 * Describes an Avro encoding or decoding failure without its value-bearing parts: Avro puts datum values in some
 * messages (for example an unresolved union prints the value), so only messages known to hold field paths or
 * schema facts are kept, and the original exception is never attached.
 */
final class SafeCause {

    private SafeCause() {}

    static String describe(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        String message = failure.getMessage();
        boolean pathOnly = failure instanceof NullPointerException
                || (failure instanceof AvroTypeException
                        && message != null
                        && message.startsWith("Cannot encode decimal"));
        return pathOnly && message != null ? name + " (" + message + ")" : name;
    }
}
