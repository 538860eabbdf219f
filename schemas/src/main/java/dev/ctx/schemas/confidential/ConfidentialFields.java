package dev.ctx.schemas.confidential;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.SchemaFingerprint;
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
    private final Schema beforeReceipts;
    private final Schema schema;

    private ConfidentialFields(Schema transactionSchema) {
        this.transactionSchema = transactionSchema;
        this.beforeReceipts = ConfidentialSchema.of(transactionSchema);
        this.schema = ConfidentialSchema.withReceiptBlinding(beforeReceipts);
    }

    /** The confidential fields of the current {@link Transaction} schema. */
    public static ConfidentialFields ofTransaction() {
        return TRANSACTION;
    }

    /** The writer schema of the sealed record; consumers need it to open. */
    public Schema schema() {
        return schema;
    }

    /**
     * The writer schema of a sealed record whose context binds {@code fingerprint} under {@code version}: the current
     * schema, or the one of records sealed before receipts (without {@value ConfidentialSchema#RECEIPT_BLINDING}).
     * Returns the current schema when neither matches, so that opening fails on the fingerprint check.
     */
    public Schema writerSchemaFor(byte[] fingerprint, FormatVersion version) {
        if (Arrays.equals(fingerprint, SchemaFingerprint.of(beforeReceipts, version))) {
            return beforeReceipts;
        }
        return schema;
    }

    /** The blinding r of the record's receipt (32 bytes), if the record was sealed with one. */
    public static Optional<byte[]> receiptBlinding(GenericRecord sealed) {
        if (sealed.getSchema().getField(ConfidentialSchema.RECEIPT_BLINDING) == null) {
            return Optional.empty();
        }
        Object value = sealed.get(ConfidentialSchema.RECEIPT_BLINDING);
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Optional.of(bytes);
        }
        return Optional.empty();
    }

    /**
     * The names of the confidential fields of the transaction, in schema order (without the receipt blinding, which
     * is no field of the transaction).
     */
    public List<String> names() {
        return beforeReceipts.getFields().stream().map(Schema.Field::name).toList();
    }

    /**
     * Projects {@code transaction} onto the confidential fields (Avro schema resolution drops the other fields) with
     * {@code receiptBlinding} set to {@code blinding} (32 bytes).
     */
    public GenericRecord project(Transaction transaction, byte[] blinding) {
        GenericRecord projected = project(transaction);
        projected.put(ConfidentialSchema.RECEIPT_BLINDING, ByteBuffer.wrap(blinding.clone()));
        return projected;
    }

    /**
     * Projects {@code transaction} onto the confidential fields (Avro schema resolution drops the other fields), with
     * no receipt blinding.
     */
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
