package dev.ctx.envelope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.avro.generic.IndexedRecord;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.SealId;
import dev.ctx.envelope.internal.AesGcm;
import dev.ctx.envelope.internal.AvroBinary;
import dev.ctx.envelope.key.X25519KeyPair;

/**
 * Seals a transaction's confidential fields: serializes them once (Avro binary), encrypts them with AES-256-GCM under a
 * fresh 256-bit DEK and a random 96-bit nonce, and wraps the DEK with HPKE for every recipient. Writes format
 * {@link FormatVersion#CURRENT} (v2): a fresh random {@link SealId} per seal goes into the ciphertext part, every wrap,
 * the AAD and the HPKE info, so two seals under one transaction id never open each other. Thread-safe.
 *
 * <p>One ephemeral X25519 key per transaction: every wrap is standard RFC 9180 HPKE for its recipient (the KEM context
 * binds the recipient's public key), and all wraps of a transaction share {@code enc}. The trade-off is explained in
 * {@code envelope/README.md} ("One ephemeral key per transaction").
 */
public final class EnvelopeSealer implements AutoCloseable {

    private final SealRandomness randomness;
    private final EpochWrapping epochs;

    private EnvelopeSealer(SealRandomness randomness, EpochWrapping epochs) {
        this.randomness = randomness;
        this.epochs = epochs;
    }

    /** A sealer drawing DEKs, nonces and ephemeral keys from a {@link java.security.SecureRandom}. */
    public static EnvelopeSealer create() {
        return new EnvelopeSealer(SealRandomness.secure(), null);
    }

    /**
     * A sealer that still draws a fresh DEK, nonce and seal id per transaction but wraps the DEKs with epoch wraps
     * (layout {@code 0x03}): one RFC 9180 multi-shot sender context per recipient key and epoch, a DEK sealed at the
     * context's next sequence number. Each instance starts its own epochs (never persisted or restored), so create one
     * per sealing task at its start; {@link #close()} it at the end to destroy the epoch secrets. Thread-safe.
     */
    public static EnvelopeSealer createEpoch(EpochPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        SealRandomness randomness = SealRandomness.secure();
        return new EnvelopeSealer(randomness, new EpochWrapping(policy, randomness));
    }

    /** Whether this sealer writes epoch wraps. */
    public boolean writesEpochWraps() {
        return epochs != null;
    }

    /** Number of epochs started so far (0 for a per-transaction sealer). */
    public long epochsStarted() {
        return epochs == null ? 0 : epochs.epochsStarted();
    }

    /** Ends the current epoch and destroys its secrets (no-op for a per-transaction sealer); later seals fail. */
    @Override
    public void close() {
        if (epochs != null) {
            epochs.close();
        }
    }

    /**
     * Deterministic sealer for known answers only (self-check, golden files); the only sealer that may encrypt a
     * repeated key and nonce. Never use it for real data.
     */
    static EnvelopeSealer insecureDeterministicForKnownAnswers(SealRandomness fixed) {
        return new EnvelopeSealer(fixed, null);
    }

    /** As {@link #insecureDeterministicForKnownAnswers}, writing epoch wraps. Never use it for real data. */
    static EnvelopeSealer insecureDeterministicEpochForKnownAnswers(SealRandomness fixed, EpochPolicy policy) {
        return new EnvelopeSealer(fixed, new EpochWrapping(policy, fixed));
    }

    /**
     * Seals {@code confidentialFields} for {@code recipients}.
     *
     * @throws InvalidInputException if the record's schema fingerprint differs from the context's, the recipient list
     *         is empty or names a recipient twice, or a recipient is neither a participant nor the escrow
     */
    public SealedTransaction seal(
            IndexedRecord confidentialFields, TransactionContext context, List<Recipient> recipients) {
        Objects.requireNonNull(confidentialFields, "confidentialFields");
        Objects.requireNonNull(context, "context");
        context.requireSchema(confidentialFields.getSchema(), "confidential fields", FormatVersion.CURRENT);
        byte[] plaintext = AvroBinary.write(confidentialFields);
        try {
            return sealSerialized(plaintext, context, recipients);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Bytes-level seal: {@code serializedFields} must be the Avro binary encoding of a record whose schema has the
     * context's fingerprint (not checked here). The caller keeps ownership of the array.
     */
    public SealedTransaction sealSerialized(
            byte[] serializedFields, TransactionContext context, List<Recipient> recipients) {
        Objects.requireNonNull(serializedFields, "serializedFields");
        checkRecipients(context, recipients);
        if (randomness.repeatsForKnownAnswers()) {
            return AesGcm.permitRepeatedKeyAndNonceForKnownAnswersOnly(
                    () -> sealWithFreshDek(serializedFields, context, recipients));
        }
        return sealWithFreshDek(serializedFields, context, recipients);
    }

    private SealedTransaction sealWithFreshDek(
            byte[] serializedFields, TransactionContext context, List<Recipient> recipients) {
        FormatVersion version = FormatVersion.CURRENT;
        SealId sealId = randomness.newSealId();
        byte[] aad = context.aad(version, sealId);
        Dek dek = randomness.newDek();
        X25519KeyPair ephemeral = epochs == null ? randomness.newEphemeral() : null;
        try {
            Dek.Encryption encrypted = dek.encrypt(serializedFields, aad);
            CiphertextPart ciphertext = CiphertextPart.of(version, sealId, encrypted.nonce(), encrypted.ciphertext());
            if (epochs != null) {
                return new SealedTransaction(ciphertext, epochs.wrapAll(dek, recipients, sealId, aad));
            }
            List<DekWrap> wraps = new ArrayList<>(recipients.size());
            for (Recipient recipient : recipients) {
                wraps.add(DekWrapping.wrap(dek, ephemeral, recipient, context, version, sealId, aad));
            }
            return new SealedTransaction(ciphertext, wraps);
        } finally {
            if (ephemeral != null) {
                ephemeral.destroy();
            }
            dek.destroy();
        }
    }

    private static void checkRecipients(TransactionContext context, List<Recipient> recipients) {
        Objects.requireNonNull(context, "context");
        if (recipients == null || recipients.isEmpty()) {
            throw new InvalidInputException("transaction " + context.transactionId() + " has no recipients");
        }
        Set<String> seen = new HashSet<>();
        for (Recipient recipient : recipients) {
            if (!seen.add(recipient.recipientId())) {
                throw new InvalidInputException("transaction " + context.transactionId() + " names recipient "
                        + recipient.recipientId() + " twice");
            }
            context.requireAdmits(recipient.recipientId());
        }
    }
}
