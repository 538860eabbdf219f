package dev.ctx.schemas.commands;

/** A command value that does not decode as {@link EnvelopeCommandFormatV1}; the message names no content. */
public final class EnvelopeCommandFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EnvelopeCommandFormatException(String message) {
        super(message);
    }
}
