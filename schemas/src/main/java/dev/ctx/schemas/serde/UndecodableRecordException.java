package dev.ctx.schemas.serde;

/** The Avro body does not decode with its writer schema: truncated, malformed, or followed by extra bytes. */
public final class UndecodableRecordException extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code problem} must not contain payload content. */
    public UndecodableRecordException(String topic, int schemaId, String problem, Throwable cause) {
        super(topic, "Avro body written with schema " + schemaId + " does not decode: " + problem, cause);
    }
}
