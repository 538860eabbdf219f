package dev.ctx.schemas.serde;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import dev.ctx.schemas.schemaregistry.RegisteredSchema;
import dev.ctx.schemas.schemaregistry.SchemaRegistryClient;
import dev.ctx.schemas.schemaregistry.SchemaRegistryException;

/** Serializer half of {@link ConfluentAvroSerde}: resolves the schema id of a topic's subject and frames the body. */
final class AvroRecordEncoder<T extends SpecificRecord> {

    private final SchemaRegistryClient registry;
    private final SpecificData data;
    private final Schema classSchema;
    private final AvroSerdeConfig config;
    private final String subjectSuffix;
    private final DatumWriter<T> classWriter;
    private final ConcurrentMap<String, Integer> idsByTopic = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, DatumWriter<T>> latestWriters = new ConcurrentHashMap<>();

    AvroRecordEncoder(
            SchemaRegistryClient registry,
            SpecificData data,
            Schema classSchema,
            DatumWriter<T> classWriter,
            AvroSerdeConfig config,
            boolean isKey) {
        this.registry = registry;
        this.data = data;
        this.classSchema = classSchema;
        this.config = config;
        this.subjectSuffix = isKey ? "-key" : "-value";
        this.classWriter = classWriter != null ? classWriter : new SpecificDatumWriter<>(classSchema, data);
    }

    byte[] encode(String topic, T record) {
        if (config.useLatestVersion()) {
            RegisteredSchema latest = latestVersion(topic);
            return frame(
                    topic,
                    latest.id(),
                    latestWriters.computeIfAbsent(latest.id(), id -> writerFor(topic, latest)),
                    record);
        }
        return frame(topic, idsByTopic.computeIfAbsent(topic, this::classSchemaId), classWriter, record);
    }

    private byte[] frame(String topic, int schemaId, DatumWriter<T> writer, T record) {
        try {
            return FrameBuffer.current().frame(schemaId, writer, record);
        } catch (IOException | RuntimeException e) {
            throw new UnencodableRecordException(topic, SafeCause.describe(e), null);
        }
    }

    private int classSchemaId(String topic) {
        String subject = topic + subjectSuffix;
        return config.autoRegisterSchemas()
                ? ask(
                        topic,
                        "registering the schema under subject " + subject,
                        () -> registry.register(subject, classSchema))
                : ask(
                        topic,
                        "looking up the schema id under subject " + subject,
                        () -> registry.getId(subject, classSchema));
    }

    private RegisteredSchema latestVersion(String topic) {
        String subject = topic + subjectSuffix;
        return ask(topic, "reading the latest version of subject " + subject, () -> registry.getLatestVersion(subject));
    }

    private DatumWriter<T> writerFor(String topic, RegisteredSchema latest) {
        if (!SchemaNormalization.toParsingForm(latest.schema())
                .equals(SchemaNormalization.toParsingForm(classSchema))) {
            throw new SchemaLookupException(
                    topic,
                    "latest version " + latest.version() + " (id " + latest.id()
                            + ") of subject " + latest.subject() + " does not have the field layout of "
                            + classSchema.getFullName() + "; deploy the matching class or turn off use.latest.version");
        }
        return new SpecificDatumWriter<>(latest.schema(), data);
    }

    private static <V> V ask(String topic, String what, Supplier<V> call) {
        try {
            return call.get();
        } catch (SchemaRegistryException e) {
            throw new SchemaLookupException(topic, what, e);
        }
    }
}
