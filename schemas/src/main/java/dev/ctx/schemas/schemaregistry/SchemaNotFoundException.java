package dev.ctx.schemas.schemaregistry;

/** The subject, version or schema id is unknown to the registry (error codes 40401, 40402, 40403). */
public final class SchemaNotFoundException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the registry's {@code error_code}. */
    public SchemaNotFoundException(int httpStatus, int errorCode, String message) {
        super(httpStatus, errorCode, message);
    }
}
