package dev.ctx.schemas.serde;

import java.io.IOException;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

import dev.ctx.schemas.schemaregistry.BoundedLruCache;
import dev.ctx.schemas.schemaregistry.SchemaNotFoundException;
import dev.ctx.schemas.schemaregistry.SchemaRegistryClient;
import dev.ctx.schemas.schemaregistry.SchemaRegistryException;

/**
 * Deserializer half of {@link ConfluentAvroSerde}: reads the header, fetches the writer schema, checks it resolves to
 * the class's schema and that its fingerprint is on the {@link WriterSchemaAllowList}, and decodes. The body is first
 * validated with a skip pass over the writer schema ({@link AvroBodySkipper}), so lengths and item counts in
 * malformed input are checked against the bytes present before anything is allocated for them, and trailing bytes
 * are rejected.
 */
final class AvroRecordDecoder<T extends SpecificRecord> {

    private final SchemaRegistryClient registry;
    private final SpecificData data;
    private final Schema readerSchema;
    private final WriterSchemaAllowList writers;
    private final BoundedLruCache<Integer, Resolution<T>> resolutions;

    AvroRecordDecoder(
            SchemaRegistryClient registry,
            SpecificData data,
            Schema readerSchema,
            WriterSchemaAllowList writers,
            int cacheCapacity) {
        this.registry = registry;
        this.data = data;
        this.readerSchema = readerSchema;
        this.writers = writers;
        this.resolutions = new BoundedLruCache<>(cacheCapacity);
    }

    T decode(String topic, byte[] payload) {
        int schemaId = ConfluentWireFormat.schemaId(topic, payload);
        Resolution<T> resolution = checked(topic, schemaId);
        validateBody(topic, schemaId, resolution.writer(), payload);
        try {
            return resolution.reader().read(null, body(payload));
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException(topic, schemaId, SafeCause.describe(e), null);
        }
    }

    /** The writer schema of {@code payload}, after every check {@link #decode} makes before it reads the body. */
    Schema writerSchema(String topic, byte[] payload) {
        return checked(topic, ConfluentWireFormat.schemaId(topic, payload)).writer();
    }

    private Resolution<T> checked(String topic, int schemaId) {
        Resolution<T> resolution = resolve(topic, schemaId);
        if (resolution.incompatibility() != null) {
            throw new IncompatibleWriterSchemaException(
                    topic, schemaId, readerSchema.getFullName(), resolution.incompatibility());
        }
        if (!resolution.allowed()) {
            throw new WriterSchemaNotAllowedException(topic, schemaId, resolution.fingerprint());
        }
        return resolution;
    }

    private Resolution<T> resolve(String topic, int schemaId) {
        try {
            return resolutions.get(schemaId, id -> resolution(registry.getSchemaById(id)));
        } catch (SchemaNotFoundException e) {
            throw new UnknownSchemaIdException(topic, schemaId, e);
        } catch (SchemaRegistryException e) {
            throw new SchemaLookupException(topic, "fetching writer schema " + schemaId, e);
        }
    }

    private Resolution<T> resolution(Schema writer) {
        List<Incompatibility> problems = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer)
                .getResult()
                .getIncompatibilities();
        String incompatibility = problems.isEmpty() ? null : describe(problems.get(0));
        String fingerprint = writers.acceptsAny() ? null : WriterSchemaFingerprint.of(writer);
        return new Resolution<>(
                writer,
                new SpecificDatumReader<>(writer, readerSchema, data),
                incompatibility,
                fingerprint,
                writers.permits(fingerprint));
    }

    private static void validateBody(String topic, int schemaId, Schema writer, byte[] payload) {
        try {
            BinaryDecoder decoder = body(payload);
            AvroBodySkipper.skip(writer, decoder, payload.length);
            if (!decoder.isEnd()) {
                throw new UndecodableRecordException(topic, schemaId, "bytes left after the record", null);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UndecodableRecordException undecodable) {
                throw undecodable;
            }
            throw new UndecodableRecordException(
                    topic, schemaId, "malformed or truncated (" + SafeCause.describe(e) + ")", null);
        }
    }

    private static BinaryDecoder body(byte[] payload) {
        return DecoderFactory.get()
                .binaryDecoder(
                        payload,
                        ConfluentWireFormat.HEADER_SIZE,
                        payload.length - ConfluentWireFormat.HEADER_SIZE,
                        null);
    }

    private static String describe(Incompatibility problem) {
        return problem.getType() + " at " + problem.getLocation() + " (" + problem.getMessage() + ")";
    }

    private record Resolution<T>(
            Schema writer,
            SpecificDatumReader<T> reader,
            String incompatibility,
            String fingerprint,
            boolean allowed) {}
}
