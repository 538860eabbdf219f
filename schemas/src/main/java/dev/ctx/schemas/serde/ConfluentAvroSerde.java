package dev.ctx.schemas.serde;

import java.util.Map;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import dev.ctx.schemas.schemaregistry.ConfigValues;
import dev.ctx.schemas.schemaregistry.RegistryClientConfig;
import dev.ctx.schemas.schemaregistry.SchemaRegistryClient;
import dev.ctx.schemas.schemaregistry.SchemaRegistryClients;

/**
 * A Kafka {@link Serde} (and its own {@link Serializer} and {@link Deserializer}) for one generated Avro class in the
 * Confluent wire format, readable by Confluent's and Apicurio's deserializers.
 *
 * <p>Serializing registers (or, with {@code auto.register.schemas=false}, looks up) the class's schema under
 * {@code <topic>-value} or {@code <topic>-key}. Deserializing fetches the writer schema by the id in the header and
 * resolves it to the class's schema, so records written with an older compatible schema read as the current class;
 * decimals arrive as {@link java.math.BigDecimal} and timestamps as {@link java.time.Instant}. A serde built with a
 * {@link WriterSchemaAllowList} also refuses writer schemas whose fingerprint is not on it, before reading the body.
 * Null stays null in both directions (tombstones). Every other failure is an {@link AvroSerdeException}. Thread-safe
 * once configured.
 *
 * <pre>{@code
 * Serde<Transaction> serde = new ConfluentAvroSerde<>(Transaction.class);
 * serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081"), false);
 * }</pre>
 *
 * @param <T> the generated record class
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    private final SchemaRegistryClient injectedRegistry;
    private final WriterSchemaAllowList writers;
    private final DatumWriter<T> classWriter;
    private volatile Configured<T> configured;

    /**
     * Creates a serde whose record class comes from the configuration ({@link AvroSerdeConfig#SPECIFIC_AVRO_VALUE_TYPE}
     * or {@link AvroSerdeConfig#SPECIFIC_AVRO_KEY_TYPE}), for Kafka clients configured with class names.
     */
    public ConfluentAvroSerde() {
        this(null, null, WriterSchemaAllowList.any());
    }

    /** Creates a serde for {@code type}; {@link #configure} chooses the registry from the configuration. */
    public ConfluentAvroSerde(Class<T> type) {
        this(Objects.requireNonNull(type, "type"), null, WriterSchemaAllowList.any());
    }

    /** Creates a serde for {@code type} that uses {@code registry} whatever the configuration says about URLs. */
    public ConfluentAvroSerde(Class<T> type, SchemaRegistryClient registry) {
        this(type, registry, WriterSchemaAllowList.any());
    }

    /**
     * Creates a serde for {@code type} whose deserializer refuses, with {@link WriterSchemaNotAllowedException}, every
     * writer schema whose fingerprint {@code writers} does not permit; {@link #configure} chooses the registry.
     */
    public ConfluentAvroSerde(Class<T> type, WriterSchemaAllowList writers) {
        this(Objects.requireNonNull(type, "type"), null, writers);
    }

    /**
     * Creates a serde for {@code type} whose serializer writes bodies under the class's schema with {@code
     * classWriter} instead of Avro's {@link org.apache.avro.specific.SpecificDatumWriter}: a hand-written writer for a
     * record type on a hot path, which must write exactly the bytes Avro's writer would (its tests compare the two).
     * With {@code use.latest.version} the latest registered schema's writer is Avro's, as without it.
     */
    public ConfluentAvroSerde(Class<T> type, DatumWriter<T> classWriter) {
        this(
                Objects.requireNonNull(type, "type"),
                null,
                WriterSchemaAllowList.any(),
                Objects.requireNonNull(classWriter, "classWriter"));
    }

    private ConfluentAvroSerde(Class<T> type, SchemaRegistryClient registry, WriterSchemaAllowList writers) {
        this(type, registry, writers, null);
    }

    private ConfluentAvroSerde(
            Class<T> type, SchemaRegistryClient registry, WriterSchemaAllowList writers, DatumWriter<T> classWriter) {
        this.type = type;
        this.injectedRegistry = registry;
        this.writers = Objects.requireNonNull(writers, "writers");
        this.classWriter = classWriter;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        ConfigValues values = new ConfigValues(configs);
        Class<T> recordType = type != null ? type : RecordTypes.fromConfig(values, isKey);
        SpecificData data = SpecificData.getForClass(recordType);
        Schema classSchema = data.getSchema(recordType);
        SchemaRegistryClient registry =
                injectedRegistry != null ? injectedRegistry : SchemaRegistryClients.fromConfig(configs);
        int cacheCapacity = (int) values.number(RegistryClientConfig.CACHE_CAPACITY, 1000, 1);
        configured = new Configured<>(
                registry,
                new AvroRecordEncoder<>(registry, data, classSchema, classWriter, AvroSerdeConfig.from(values), isKey),
                new AvroRecordDecoder<>(registry, data, classSchema, writers, cacheCapacity));
    }

    @Override
    public byte[] serialize(String topic, T record) {
        return record == null ? null : state().encoder().encode(topic, record);
    }

    @Override
    public T deserialize(String topic, byte[] payload) {
        return payload == null ? null : state().decoder().decode(topic, payload);
    }

    /**
     * The writer schema of {@code payload} (never null), checked as {@link #deserialize} checks it (header, registry
     * lookup, resolution to the class's schema, the writer-schema allow list) without reading the body: for a reader
     * that proves the body's form itself, such as the access-log sealer. The body starts at {@link
     * ConfluentWireFormat#HEADER_SIZE}.
     *
     * @throws AvroSerdeException the same exceptions {@link #deserialize} throws before it reads the body
     */
    public Schema writerSchema(String topic, byte[] payload) {
        return state().decoder().writerSchema(topic, payload);
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void close() {
        Configured<T> current = configured;
        if (current != null && injectedRegistry == null) {
            current.registry().close();
        }
    }

    private Configured<T> state() {
        Configured<T> current = configured;
        if (current == null) {
            throw new IllegalStateException("ConfluentAvroSerde for "
                    + (type == null ? "a configured record type" : type.getName()) + " used before configure()");
        }
        return current;
    }

    private record Configured<T extends SpecificRecord>(
            SchemaRegistryClient registry, AvroRecordEncoder<T> encoder, AvroRecordDecoder<T> decoder) {}
}
