package dev.ctx.schemas.serde;

import java.util.Map;

import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Factories for configured {@link ConfluentAvroSerde}s. */
public final class ConfluentAvroSerdes {

    private ConfluentAvroSerdes() {}

    /**
     * Returns a serde for {@code type}, configured with {@code config} (Confluent key names, see
     * {@link AvroSerdeConfig}) for record keys when {@code isKey}, values otherwise.
     */
    public static <T extends SpecificRecord> ConfluentAvroSerde<T> forClass(
            Class<T> type, Map<String, ?> config, boolean isKey) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type);
        serde.configure(config, isKey);
        return serde;
    }

    /**
     * As {@link #forClass(Class, Map, boolean)}, with a deserializer that reads only writer schemas {@code writers}
     * permits (others raise {@link WriterSchemaNotAllowedException}).
     */
    public static <T extends SpecificRecord> ConfluentAvroSerde<T> forClass(
            Class<T> type, Map<String, ?> config, boolean isKey, WriterSchemaAllowList writers) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type, writers);
        serde.configure(config, isKey);
        return serde;
    }

    /**
     * As {@link #forClass(Class, Map, boolean)}, with bodies written by {@code classWriter} (see {@link
     * ConfluentAvroSerde#ConfluentAvroSerde(Class, DatumWriter)}).
     */
    public static <T extends SpecificRecord> ConfluentAvroSerde<T> forClass(
            Class<T> type, Map<String, ?> config, boolean isKey, DatumWriter<T> classWriter) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type, classWriter);
        serde.configure(config, isKey);
        return serde;
    }
}
