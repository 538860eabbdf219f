package dev.ctx.processor.dedup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

import dev.ctx.schemas.transaction.Transaction;

/**
 * What "identical content" means for a repeated transaction id: SHA-256 of the Avro binary encoding of the decoded
 * {@link Transaction} under the processor's own (reader) {@code Transaction} schema. The Kafka key, timestamp,
 * headers, partition and the producer's writer-schema id do not count; every field of the value does, including the
 * value's own {@code timestamp}. A processor upgrade that adds a field changes the encoding, so a record re-sent
 * after such an upgrade counts as different content (dead letter, never a second seal). Thread-safe.
 */
public final class TransactionDigest {

    /** Digest length in bytes. */
    public static final int LENGTH = 32;

    private static final ThreadLocal<SpecificDatumWriter<Transaction>> WRITER =
            ThreadLocal.withInitial(() -> new SpecificDatumWriter<>(Transaction.getClassSchema()));

    private TransactionDigest() {}

    public static byte[] of(Transaction transaction) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        try {
            WRITER.get().write(transaction, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode transaction " + transaction.getTransactionId(), e);
        }
        byte[] encoded = bytes.toByteArray();
        try {
            return MessageDigest.getInstance("SHA-256").digest(encoded);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA-256", e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }
}
