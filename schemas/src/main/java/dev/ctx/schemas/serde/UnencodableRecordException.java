package dev.ctx.schemas.serde;

/** The record does not encode with its schema (for example a null required field or a decimal of the wrong scale). */
public final class UnencodableRecordException extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code problem} must not contain field values. */
    public UnencodableRecordException(String topic, String problem, Throwable cause) {
        super(topic, "record does not encode: " + problem, cause);
    }
}
