package dev.ctx.schemas.serde;

/** The writer schema named by the header cannot be read into the target class (Avro schema resolution fails). */
public final class IncompatibleWriterSchemaException extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public IncompatibleWriterSchemaException(String topic, int schemaId, String readerName, String incompatibility) {
        super(topic, "writer schema " + schemaId + " cannot be read as " + readerName + ": " + incompatibility, null);
    }
}
