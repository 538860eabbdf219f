package dev.ctx.schemas.confidential;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

import dev.ctx.schemas.transaction.Transaction;

/**
 * The confidential part of a {@link Transaction}: the fields whose schema carries {@code "ctx.confidential": true},
 * as one Avro record whose schema ({@link #schema()}) is derived from the Transaction schema by
 * {@link ConfidentialSchema}. Projections hold generic values with the standard logical-type conversions (decimals as
 * {@link java.math.BigDecimal}, timestamps as {@link java.time.Instant}), as the envelope library reads them back.
 * Thread-safe.
 */
public final class ConfidentialFields {

    private static final GenericData MODEL = modelWithConversions();
    private static final ConfidentialFields TRANSACTION = new ConfidentialFields(Transaction.getClassSchema());

    private final Schema transactionSchema;
    private final Schema schema;

    private ConfidentialFields(Schema transactionSchema) {
        this.transactionSchema = transactionSchema;
        this.schema = ConfidentialSchema.of(transactionSchema);
    }

    /** The confidential fields of the current {@link Transaction} schema. */
    public static ConfidentialFields ofTransaction() {
        return TRANSACTION;
    }

    /** The writer schema of the sealed record; consumers need it to open. */
    public Schema schema() {
        return schema;
    }

    /** The names of the confidential fields, in schema order. */
    public List<String> names() {
        return schema.getFields().stream().map(Schema.Field::name).toList();
    }

    /** Projects {@code transaction} onto the confidential fields (Avro schema resolution drops the other fields). */
    public GenericRecord project(Transaction transaction) {
        byte[] encoded = encode(transaction);
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(transactionSchema, schema, MODEL);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(encoded, null);
        try {
            return reader.read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot project confidential fields", e);
        }
    }

    private static GenericData modelWithConversions() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        return model;
    }

    private static byte[] encode(Transaction transaction) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<>(Transaction.class).write(transaction, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode transaction", e);
        }
        return out.toByteArray();
    }
}
