package dev.ctx.schemas.schemaregistry;

/**
 * No registry URL answered successfully within the retry budget: connection failures or 5xx responses on every
 * attempt. The error code is that of the last response, or {@link #NO_RESPONSE} when none came.
 */
public final class RegistryUnavailableException extends SchemaRegistryException {

    /** Error code used when no HTTP response was received at all. */
    public static final int NO_RESPONSE = 50300;

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code cause} is the last failure. */
    public RegistryUnavailableException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(httpStatus, errorCode, message);
        initCause(cause);
    }
}
