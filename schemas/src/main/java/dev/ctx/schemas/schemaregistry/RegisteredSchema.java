package dev.ctx.schemas.schemaregistry;

import java.util.Objects;

import org.apache.avro.Schema;

/**
 * One version of a subject: its version number, the schema's global id, and the schema.
 *
 * @param subject the subject, e.g. {@code transactions-value}
 * @param version the version within the subject, starting at 1
 * @param id the global schema id
 * @param schema the schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

    /** Validates the components. */
    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        if (version < 1 || id < 0) {
            throw new IllegalArgumentException("version must be >= 1 and id >= 0");
        }
    }
}
