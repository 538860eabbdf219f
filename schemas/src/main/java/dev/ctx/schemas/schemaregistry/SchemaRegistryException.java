package dev.ctx.schemas.schemaregistry;

/**
 * The registry refused a request. Carries the HTTP status and the Confluent {@code error_code} so callers can tell a
 * missing subject from an incompatible schema without parsing messages. Subclasses name the common cases.
 */
public class SchemaRegistryException extends RuntimeException {

    /** {@code error_code} for an unknown subject. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** {@code error_code} for an unknown version of a known subject. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** {@code error_code} for an unknown schema (id, or schema not under the subject). */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** {@code error_code} (and HTTP status) for a schema that breaks the subject's compatibility level. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** {@code error_code} for a schema that does not parse. */
    public static final int INVALID_SCHEMA = 42201;
    /** {@code error_code} for an invalid compatibility level. */
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** {@code error_code} for unauthenticated requests. */
    public static final int UNAUTHORIZED = 40101;
    /** {@code error_code} for a failure inside the registry. */
    public static final int INTERNAL_ERROR = 50001;

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param httpStatus the HTTP status, or 0 when no response was received
     * @param errorCode the registry's {@code error_code} (equal to the HTTP status when the body had none)
     * @param message what went wrong; never contains credentials
     */
    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message + " (error_code " + errorCode + ")");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.detail = message;
    }

    /** Returns the most specific exception type for a registry error response. */
    public static SchemaRegistryException of(int httpStatus, int errorCode, String message) {
        if (errorCode == SUBJECT_NOT_FOUND || errorCode == VERSION_NOT_FOUND || errorCode == SCHEMA_NOT_FOUND) {
            return new SchemaNotFoundException(httpStatus, errorCode, message);
        }
        if (errorCode == INCOMPATIBLE_SCHEMA) {
            return new IncompatibleSchemaException(message);
        }
        if (errorCode == INVALID_SCHEMA) {
            return new InvalidSchemaException(message);
        }
        return new SchemaRegistryException(httpStatus, errorCode, message);
    }

    /** Returns the HTTP status, or 0 when the registry gave no response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Returns the message without the error code, as a registry puts it in its {@code message} field. */
    public String detail() {
        return detail;
    }

    /** Returns the Confluent {@code error_code}. */
    public int errorCode() {
        return errorCode;
    }
}
