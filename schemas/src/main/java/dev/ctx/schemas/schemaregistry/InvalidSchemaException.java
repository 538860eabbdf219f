package dev.ctx.schemas.schemaregistry;

/** The schema text is not a valid Avro schema (HTTP 422, error code 42201). */
public final class InvalidSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public InvalidSchemaException(String message) {
        super(422, INVALID_SCHEMA, message);
    }
}
