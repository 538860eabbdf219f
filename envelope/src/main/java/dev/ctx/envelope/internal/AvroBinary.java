package dev.ctx.envelope.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.error.InvalidInputException;

/**
 * Avro binary encoding of the confidential-fields record (fingerprints: {@code format.SchemaFingerprint}). Generic
 * records are read and written with the standard logical-type conversions (decimal as {@code BigDecimal}, timestamps as
 * {@code Instant}, UUID); specific records with their own model. Thread-safe.
 */
public final class AvroBinary {

    private static final GenericData GENERIC = genericWithConversions();

    private AvroBinary() {}

    /** Serializes {@code record} once with Avro binary encoding. */
    public static byte[] write(IndexedRecord record) {
        Schema schema = record.getSchema();
        GenericDatumWriter<IndexedRecord> writer = record instanceof SpecificRecord
                ? new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema))
                : new GenericDatumWriter<>(schema, GENERIC);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("confidential fields of schema " + schema.getFullName()
                    + " cannot be serialized: " + e.getClass().getSimpleName());
        }
        return out.toByteArray();
    }

    /** Reads a record written with {@code writerSchema}. */
    public static GenericRecord read(byte[] bytes, Schema writerSchema) {
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(writerSchema, writerSchema, GENERIC);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        GenericRecord record;
        boolean atEnd;
        try {
            record = reader.read(null, decoder);
            atEnd = decoder.isEnd();
        } catch (IOException | RuntimeException e) {
            throw new EnvelopeFormatException("confidential fields do not decode with writer schema "
                    + writerSchema.getFullName() + ": " + e.getClass().getSimpleName());
        }
        if (!atEnd) {
            throw new EnvelopeFormatException(
                    "confidential fields: trailing bytes after the " + writerSchema.getFullName() + " record");
        }
        return record;
    }

    private static GenericData genericWithConversions() {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        return data;
    }
}
