package dev.ctx.schemas.schemaregistry;

import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that serdes and deploy gates need.
 *
 * <p>Ids are global and immutable: the same schema gets the same id in every subject. Every method throws a
 * {@link SchemaRegistryException} (carrying the registry's {@code error_code}) when the registry refuses, and
 * {@link RegistryUnavailableException} when it cannot be reached.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of {@code schema} if it is already registered under {@code subject}; never registers. */
    int getId(String subject, Schema schema);

    /** Returns the schema with the global {@code id}. */
    Schema getSchemaById(int id);

    /** Returns the latest version registered under {@code subject}. */
    RegisteredSchema getLatestVersion(String subject);

    /** Tells whether {@code schema} may be registered under {@code subject} by the subject's compatibility level. */
    boolean testCompatibility(String subject, Schema schema);

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {}
}
