package dev.ctx.envelope;

import java.util.Arrays;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import dev.ctx.envelope.error.SealIdMismatchException;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.internal.AvroBinary;

/**
 * Opens a sealed transaction with one recipient's private key. Thread-safe; its only state is the epoch context cache.
 *
 * <p>Opens per-transaction wraps (single-shot HPKE) and epoch wraps (multi-shot HPKE at the wrap's sequence number,
 * through a bounded {@link EpochContextCache}). Failures: {@link dev.ctx.envelope.error.RecipientMismatchException} if
 * the wrap names another recipient or key version than the key; {@link dev.ctx.envelope.error.InvalidInputException} if
 * the writer schema does not match the context's fingerprint;
 * {@link dev.ctx.envelope.error.AuthenticationFailedException} for a wrong key or any tampered byte of ciphertext,
 * nonce, wrap, {@code enc} or context; {@link SealIdMismatchException} if the wrap belongs to another seal than the
 * ciphertext. Opens format v1 and v2, each with its own AAD, info and schema fingerprint.
 */
public final class EnvelopeOpener {

    private final EpochContextCache epochContexts;

    private EnvelopeOpener(EpochContextCache epochContexts) {
        this.epochContexts = epochContexts;
    }

    /**
     * An opener with its own {@link EpochContextCache} of {@value EpochContextCache#DEFAULT_CAPACITY} contexts; keep
     * one opener per process (or per key) so an epoch costs one X25519 operation per recipient key.
     */
    public static EnvelopeOpener create() {
        return create(EpochContextCache.withCapacity(EpochContextCache.DEFAULT_CAPACITY));
    }

    /** An opener that opens epoch wraps through {@code epochContexts} (shared, thread-safe). */
    public static EnvelopeOpener create(EpochContextCache epochContexts) {
        return new EnvelopeOpener(Objects.requireNonNull(epochContexts, "epochContexts"));
    }

    /** The cache epoch wraps are opened through. */
    public EpochContextCache epochContexts() {
        return epochContexts;
    }

    /** Opens and decodes the confidential fields (decimals as {@code BigDecimal}, timestamps as {@code Instant}). */
    public GenericRecord open(
            CiphertextPart ciphertext,
            DekWrap wrap,
            RecipientPrivateKey key,
            TransactionContext context,
            Schema writerSchema) {
        Objects.requireNonNull(writerSchema, "writerSchema");
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(context, "context");
        context.requireSchema(writerSchema, "writer", ciphertext.version());
        byte[] plaintext = openSerialized(ciphertext, wrap, key, context);
        try {
            return AvroBinary.read(plaintext, writerSchema);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Bytes-level open: returns the Avro binary encoding of the confidential fields; the caller zeroes it. The AAD is
     * that of the version and seal id parsed from {@code ciphertext}.
     *
     * @throws SealIdMismatchException if {@code wrap} belongs to another seal (version or seal id) than
     *         {@code ciphertext}
     */
    public byte[] openSerialized(
            CiphertextPart ciphertext, DekWrap wrap, RecipientPrivateKey key, TransactionContext context) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(wrap, "wrap");
        Objects.requireNonNull(context, "context");
        DekWrapping.requireSameSeal(ciphertext, wrap, context.transactionId());
        Dek dek = DekWrapping.unwrap(wrap, key, context, epochContexts);
        try {
            byte[] sealed = ciphertext.ciphertext();
            return dek.decrypt(
                    ciphertext.nonce(),
                    context.aad(ciphertext.version(), ciphertext.sealId().orElse(null)),
                    sealed,
                    0,
                    sealed.length,
                    "ciphertext of transaction " + context.transactionId());
        } finally {
            dek.destroy();
        }
    }
}
