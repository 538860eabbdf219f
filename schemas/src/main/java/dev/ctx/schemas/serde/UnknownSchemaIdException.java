package dev.ctx.schemas.serde;

/** The schema id in the header is not known to the registry. */
public final class UnknownSchemaIdException extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    private final int schemaId;

    /** Creates the exception. */
    public UnknownSchemaIdException(String topic, int schemaId, Throwable cause) {
        super(topic, "schema id " + schemaId + " is unknown to the schema registry", cause);
        this.schemaId = schemaId;
    }

    /** Returns the unknown schema id. */
    public int schemaId() {
        return schemaId;
    }
}
