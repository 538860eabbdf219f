package dev.ctx.keyservice.lookup;

import org.apache.kafka.common.errors.SerializationException;

/** A view store value that is not a well-formed {@link ViewEntryFormatV1} layout. Carries no content. */
public final class ViewEntryFormatException extends SerializationException {

    private static final long serialVersionUID = 1L;

    public ViewEntryFormatException(String message) {
        super(message);
    }
}
