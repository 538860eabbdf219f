package dev.ctx.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.apache.avro.Schema;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.format.ContextEncoding;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.Recipients;
import dev.ctx.envelope.internal.AvroBinary;

/**
 * The context every seal, open and rewrap is bound to: transaction id, the SHA-256 parsing fingerprint of the
 * confidential-fields Avro schema, and the participant set (sorted by UTF-8 bytes, unique). Immutable, validated,
 * thread-safe. Its canonical encoding is the AEAD associated data ({@link #aad()}).
 */
public final class TransactionContext {

    private final String transactionId;
    private final byte[] schemaFingerprint;
    private final List<String> participants;
    private final byte[] aad;

    private TransactionContext(String transactionId, byte[] schemaFingerprint, List<String> participants) {
        this.transactionId = transactionId;
        this.schemaFingerprint = schemaFingerprint;
        this.participants = participants;
        this.aad = ContextEncoding.aad(FormatVersion.CURRENT, transactionId, schemaFingerprint, participants);
    }

    /**
     * Creates a context.
     *
     * @param transactionId non-blank transaction id
     * @param schemaFingerprint 32-byte SHA-256 parsing fingerprint of the confidential-fields schema (copied)
     * @param participants non-empty participant ids without duplicates, in any order
     * @throws InvalidInputException if any part is missing or malformed, or a participant is listed twice
     */
    public static TransactionContext of(String transactionId, byte[] schemaFingerprint,
            Collection<String> participants) {
        if (transactionId == null || transactionId.isBlank()) {
            throw new InvalidInputException("transaction id must not be null or blank");
        }
        if (schemaFingerprint == null || schemaFingerprint.length != AvroBinary.FINGERPRINT_LENGTH) {
            throw new InvalidInputException("schema fingerprint of transaction " + transactionId + " must be "
                    + AvroBinary.FINGERPRINT_LENGTH + " bytes (SHA-256 parsing fingerprint)");
        }
        return new TransactionContext(transactionId, schemaFingerprint.clone(),
                sortedUnique(transactionId, participants));
    }

    /** Creates a context from the confidential-fields schema itself. */
    public static TransactionContext of(String transactionId, Schema confidentialSchema,
            Collection<String> participants) {
        return of(transactionId, fingerprintOf(confidentialSchema), participants);
    }

    /** {@code SchemaNormalization.parsingFingerprint("SHA-256", schema)}. */
    public static byte[] fingerprintOf(Schema schema) {
        return AvroBinary.fingerprint(Objects.requireNonNull(schema, "schema"));
    }

    private static List<String> sortedUnique(String transactionId, Collection<String> participants) {
        if (participants == null || participants.isEmpty()) {
            throw new InvalidInputException("transaction " + transactionId + " has no participants");
        }
        List<String> sorted = participants.stream().map(Recipients::checkId)
                .sorted((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b))).toList();
        if (sorted.stream().distinct().count() != sorted.size()) {
            throw new InvalidInputException("transaction " + transactionId + " lists a participant twice");
        }
        return sorted;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public String transactionId() {
        return transactionId;
    }

    /** A copy of the 32-byte schema fingerprint. */
    public byte[] schemaFingerprint() {
        return schemaFingerprint.clone();
    }

    /** Participants, sorted by UTF-8 bytes; unmodifiable. */
    public List<String> participants() {
        return participants;
    }

    /** Whether {@code recipientId} may hold a wrap: a participant or the escrow id. */
    public boolean admits(String recipientId) {
        return Recipients.ESCROW_ID.equals(recipientId) || participants.contains(recipientId);
    }

    /** Throws {@link InvalidInputException} unless {@link #admits(String)} {@code recipientId}. */
    void requireAdmits(String recipientId) {
        if (!admits(recipientId)) {
            throw new InvalidInputException("recipient " + recipientId + " is neither a participant of transaction "
                    + transactionId + " nor the escrow");
        }
    }

    /** A copy of the canonical AEAD associated data (format version, txn id, fingerprint, participants). */
    public byte[] aad() {
        return aad.clone();
    }

    byte[] aadView() {
        return aad;
    }

    byte[] wrapInfo(String recipientId, int keyVersion) {
        return ContextEncoding.wrapInfo(FormatVersion.CURRENT, transactionId, recipientId, keyVersion);
    }

    /** Throws {@link InvalidInputException} unless {@code schema}'s fingerprint is this context's. */
    void requireSchema(Schema schema, String role) {
        if (!Arrays.equals(schemaFingerprint, AvroBinary.fingerprint(schema))) {
            throw new InvalidInputException(role + " schema " + schema.getFullName()
                    + " does not match the schema fingerprint of transaction " + transactionId);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransactionContext that && Arrays.equals(aad, that.aad);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(aad);
    }

    @Override
    public String toString() {
        return "TransactionContext[txnId=" + transactionId + ", schema=" + HexFormat.of().formatHex(schemaFingerprint)
                + ", participants=" + participants + "]";
    }
}
