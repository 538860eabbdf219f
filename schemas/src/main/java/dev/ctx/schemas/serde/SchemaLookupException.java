package dev.ctx.schemas.serde;

import dev.ctx.schemas.schemaregistry.SchemaRegistryException;

/**
 * The schema registry refused or could not answer the lookup a record needs (registration, id lookup, latest
 * version, or writer schema). Carries the registry's {@code error_code}.
 */
public final class SchemaLookupException extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    private final int errorCode;

    /** Creates the exception from the registry failure. */
    public SchemaLookupException(String topic, String what, SchemaRegistryException cause) {
        super(topic, what + " failed: " + cause.getMessage(), cause);
        this.errorCode = cause.errorCode();
    }

    /** Creates the exception for a lookup that succeeded but gave an unusable answer. */
    public SchemaLookupException(String topic, String problem) {
        super(topic, problem, null);
        this.errorCode = 0;
    }

    /** Returns the registry's {@code error_code}, or 0 when the registry answered but the answer was unusable. */
    public int errorCode() {
        return errorCode;
    }
}
