package dev.ctx.schemas.schemaregistry;

/** The schema breaks the subject's compatibility level (HTTP 409, error code 409). */
public final class IncompatibleSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public IncompatibleSchemaException(String message) {
        super(409, INCOMPATIBLE_SCHEMA, message);
    }
}
