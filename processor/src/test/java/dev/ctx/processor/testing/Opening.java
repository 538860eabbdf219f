package dev.ctx.processor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import dev.ctx.client.open.SealedTransactionOpener;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.schemas.confidential.ConfidentialSchema;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.transaction.Transaction;

/** Opens what the processor sealed, as a consumer holding a private key would, and compares records exactly. */
public final class Opening {

    private static final GenericData MODEL = modelWithConversions();
    private static final Schema TRANSACTION_FIELDS = ConfidentialSchema.of(Transaction.getClassSchema());
    private static final SealedTransactionOpener OPENER = new SealedTransactionOpener();

    private Opening() {}

    /** Opens the confidential fields of {@code encrypted} with {@code key} and its wrap in {@code envelope}. */
    public static GenericRecord open(EncryptedTransaction encrypted, Envelope envelope, RecipientPrivateKey key) {
        return OPENER.open(encrypted, envelope, key);
    }

    /**
     * The Avro binary encoding of {@code record}'s transaction fields, for exact comparison of two records. The
     * receipt blinding (the last field, random per seal) is left out: {@code ReceiptTopologyTest} checks it.
     */
    public static byte[] encode(GenericRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new GenericDatumWriter<GenericRecord>(TRANSACTION_FIELDS, MODEL).write(record, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A copy of the remaining bytes of {@code buffer}. */
    public static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static GenericData modelWithConversions() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        return model;
    }
}
