package dev.ctx.keyservice.lookup;

import java.util.Optional;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.schemas.serde.AvroSerdeException;
import dev.ctx.schemas.serde.SchemaLookupException;

/**
 * Decodes a source value for the view. A value that can never be decoded (bad framing, unknown or disallowed writer
 * schema) is skipped with a warning naming its coordinates, so its id stays Unknown; a registry that cannot answer
 * ({@link SchemaLookupException}) is rethrown, so the stream thread is replaced and the record read again.
 */
final class SourceDecoder<T> {

    private static final Logger LOGGER = LoggerFactory.getLogger(SourceDecoder.class);

    private final Deserializer<T> deserializer;

    SourceDecoder(Deserializer<T> deserializer) {
        this.deserializer = deserializer;
    }

    Optional<T> decode(Optional<RecordMetadata> where, String key, byte[] value) {
        String topic = where.map(RecordMetadata::topic).orElse("");
        try {
            return Optional.of(deserializer.deserialize(topic, value));
        } catch (SchemaLookupException e) {
            throw e;
        } catch (AvroSerdeException e) {
            skipped(where, key, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    static void skipped(Optional<RecordMetadata> where, String key, String reason) {
        LOGGER.atWarn()
                .addKeyValue("topic", where.map(RecordMetadata::topic).orElse("?"))
                .addKeyValue("partition", where.map(RecordMetadata::partition).orElse(-1))
                .addKeyValue("offset", where.map(RecordMetadata::offset).orElse(-1L))
                .addKeyValue("transactionId", key)
                .addKeyValue("reason", reason)
                .log("record skipped by the transaction view");
    }
}
