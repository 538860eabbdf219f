package dev.ctx.schemas.confidential;

import java.util.HexFormat;
import java.util.Objects;

import org.apache.avro.Schema;

import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.SchemaFingerprint;
import dev.ctx.schemas.schemaregistry.SchemaNotFoundException;
import dev.ctx.schemas.schemaregistry.SchemaRegistryClient;
import dev.ctx.schemas.schemaregistry.SchemaRegistryException;

/**
 * Publishes the schema of the sealed record in the schema registry under its own subject, the record's full name
 * (Confluent's {@code RecordNameStrategy}: {@code dev.ctx.schemas.transaction.ConfidentialFields}), so that a consumer
 * fetches the writer schema of an opened ciphertext instead of deriving it. A consumer picks the version of that
 * subject whose fingerprint equals {@code SealedFields.schemaFingerprint} (docs/topics-and-records.md).
 */
public final class SealedSchemaPublisher {

    private SealedSchemaPublisher() {}

    /** The registry subject of a sealed-record schema: its full name. */
    public static String subjectOf(Schema sealedSchema) {
        return sealedSchema.getFullName();
    }

    /**
     * Registers {@code sealedSchema} under its subject (idempotent), or with {@code autoRegister} false only checks
     * that it is registered there.
     *
     * @return the schema's global id
     * @throws SealedSchemaNotRegisteredException if {@code autoRegister} is false and the subject lacks the schema
     * @throws SchemaRegistryException if the registry refuses or cannot be reached
     */
    public static int publish(SchemaRegistryClient registry, Schema sealedSchema, boolean autoRegister) {
        Objects.requireNonNull(registry, "registry");
        String subject = subjectOf(sealedSchema);
        if (autoRegister) {
            return registry.register(subject, sealedSchema);
        }
        try {
            return registry.getId(subject, sealedSchema);
        } catch (SchemaNotFoundException e) {
            throw new SealedSchemaNotRegisteredException(subject, fingerprintHex(sealedSchema), e);
        }
    }

    /** The lower-case hex of the schema's current-format fingerprint, as {@code SealedFields.schemaFingerprint}. */
    public static String fingerprintHex(Schema sealedSchema) {
        return HexFormat.of().formatHex(SchemaFingerprint.of(sealedSchema, FormatVersion.CURRENT));
    }
}
