package dev.ctx.keyservice.lookup;

import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;

import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;

/**
 * The view's value deserializers: Confluent-wire-format Avro against the schema registry the processor writes to.
 *
 * @param encrypted {@code transactions.encrypted} values
 * @param envelope {@code transactions.envelopes} values
 */
public record ViewSerdes(Deserializer<EncryptedTransaction> encrypted, Deserializer<Envelope> envelope)
        implements AutoCloseable {

    /**
     * Deserializers on one registry.
     *
     * @param registryConfig serde configuration; at least {@code schema.registry.url}
     */
    public static ViewSerdes create(Map<String, ?> registryConfig) {
        return new ViewSerdes(
                ConfluentAvroSerdes.forClass(EncryptedTransaction.class, registryConfig, false),
                ConfluentAvroSerdes.forClass(Envelope.class, registryConfig, false));
    }

    @Override
    public void close() {
        encrypted.close();
        envelope.close();
    }
}
