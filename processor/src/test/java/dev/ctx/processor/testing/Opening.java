package dev.ctx.processor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import dev.ctx.envelope.EnvelopeOpener;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.processor.encrypt.ConfidentialFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.encrypted.SealedFields;

/** Opens what the processor sealed, as a consumer holding a private key would. */
public final class Opening {

    private static final GenericData MODEL = modelWithConversions();

    private Opening() {
    }

    /** Opens the confidential fields of {@code encrypted} with {@code key} and its wrap in {@code envelope}. */
    public static GenericRecord open(EncryptedTransaction encrypted, Envelope envelope, RecipientPrivateKey key) {
        SealedFields sealed = encrypted.getSealed();
        TransactionContext context = TransactionContext.of(encrypted.getTransactionId(),
                bytes(sealed.getSchemaFingerprint()), encrypted.getParticipants());
        RecipientWrap wrap = envelope.getWraps().stream()
                .filter(candidate -> candidate.getRecipientId().equals(key.recipientId()))
                .findFirst().orElseThrow(() -> new AssertionError("no wrap for " + key.recipientId()));
        return EnvelopeOpener.create().open(CiphertextPart.parse(bytes(sealed.getCiphertext())),
                DekWrap.parse(wrap.getRecipientId(), wrap.getKeyVersion(), bytes(wrap.getWrap())), key, context,
                ConfidentialFields.ofTransaction().schema());
    }

    /** The Avro binary encoding of {@code record}, for exact comparison of two records. */
    public static byte[] encode(GenericRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new GenericDatumWriter<GenericRecord>(record.getSchema(), MODEL).write(record, encoder);
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
