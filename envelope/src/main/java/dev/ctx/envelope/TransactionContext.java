package dev.ctx.envelope;

import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.Schema;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.format.ContextEncoding;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.Recipients;
import dev.ctx.envelope.format.SchemaFingerprint;
import dev.ctx.envelope.format.SealId;

/**
 * The context every seal, open and rewrap is bound to: transaction id, the fingerprint of the confidential-fields Avro
 * schema, and the participant set (sorted by strict UTF-8 bytes, unique on those bytes). Immutable, validated,
 * thread-safe. Its canonical encoding, together with the format version and (from v2) the seal id, is the AEAD
 * associated data ({@link #aad(FormatVersion, SealId)}).
 *
 * <p>A context built from a {@link Schema} computes each format version's own fingerprint ({@link SchemaFingerprint});
 * one built from fingerprint bytes uses those bytes for whichever version it opens, so they must be the fingerprint of
 * that version (as the {@code SealedFields.schemaFingerprint} written beside the ciphertext is).
 */
public final class TransactionContext {

    private final String transactionId;
    private final Schema schema;
    private final byte[] fixedFingerprint;
    private final List<String> participants;

    private TransactionContext(
            String transactionId, Schema schema, byte[] fixedFingerprint, List<String> participants) {
        this.transactionId = transactionId;
        this.schema = schema;
        this.fixedFingerprint = fixedFingerprint;
        this.participants = participants;
    }

    /**
     * Creates a context from fingerprint bytes.
     *
     * @param transactionId non-blank transaction id
     * @param schemaFingerprint 32-byte fingerprint of the confidential-fields schema, as defined by the format version
     *        of the envelope to open ({@link SchemaFingerprint}; copied)
     * @param participants non-empty participant ids without duplicates, in any order
     * @throws InvalidInputException if any part is missing or malformed, or a participant is listed twice
     */
    public static TransactionContext of(
            String transactionId, byte[] schemaFingerprint, Collection<String> participants) {
        checkTransactionId(transactionId);
        if (schemaFingerprint == null || schemaFingerprint.length != SchemaFingerprint.LENGTH) {
            throw new InvalidInputException("schema fingerprint of transaction " + transactionId + " must be "
                    + SchemaFingerprint.LENGTH + " bytes");
        }
        return new TransactionContext(
                transactionId, null, schemaFingerprint.clone(), sortedUnique(transactionId, participants));
    }

    /** Creates a context from the confidential-fields schema itself (each version computes its own fingerprint). */
    public static TransactionContext of(
            String transactionId, Schema confidentialSchema, Collection<String> participants) {
        checkTransactionId(transactionId);
        return new TransactionContext(
                transactionId,
                Objects.requireNonNull(confidentialSchema, "confidentialSchema"),
                null,
                sortedUnique(transactionId, participants));
    }

    /**
     * The fingerprint of {@code schema} for the version new envelopes are sealed with ({@link FormatVersion#CURRENT}).
     */
    public static byte[] fingerprintOf(Schema schema) {
        return SchemaFingerprint.of(schema, FormatVersion.CURRENT);
    }

    private static void checkTransactionId(String transactionId) {
        if (transactionId == null || transactionId.isBlank()) {
            throw new InvalidInputException("transaction id must not be null or blank");
        }
        ContextEncoding.utf8Checked(transactionId, "transaction id");
    }

    private static List<String> sortedUnique(String transactionId, Collection<String> participants) {
        if (participants == null || participants.isEmpty()) {
            throw new InvalidInputException("transaction " + transactionId + " has no participants");
        }
        List<Map.Entry<byte[], String>> encoded = participants.stream()
                .map(Recipients::checkId)
                .map(id -> Map.entry(ContextEncoding.utf8Checked(id, "participant id"), id))
                .sorted((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()))
                .toList();
        for (int i = 1; i < encoded.size(); i++) {
            if (Arrays.equals(encoded.get(i - 1).getKey(), encoded.get(i).getKey())) {
                throw new InvalidInputException("transaction " + transactionId + " lists a participant twice");
            }
        }
        return encoded.stream().map(Map.Entry::getValue).toList();
    }

    public String transactionId() {
        return transactionId;
    }

    /** A copy of the 32-byte schema fingerprint of the {@linkplain FormatVersion#CURRENT current} version. */
    public byte[] schemaFingerprint() {
        return schemaFingerprint(FormatVersion.CURRENT);
    }

    /** A copy of the 32-byte schema fingerprint that {@code version}'s AAD binds. */
    public byte[] schemaFingerprint(FormatVersion version) {
        return schema != null ? SchemaFingerprint.of(schema, version) : fixedFingerprint.clone();
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

    /**
     * The canonical AEAD associated data of {@code version} (format version, txn id, seal id from v2, fingerprint,
     * participants).
     *
     * @param sealId the seal's id; required from v2, null for v1
     */
    public byte[] aad(FormatVersion version, SealId sealId) {
        return ContextEncoding.aad(version, transactionId, sealId, schemaFingerprint(version), participants);
    }

    /** The HPKE info of one wrap of {@code version}. */
    public byte[] wrapInfo(FormatVersion version, SealId sealId, String recipientId, int keyVersion) {
        return ContextEncoding.wrapInfo(version, transactionId, sealId, recipientId, keyVersion);
    }

    /** Throws {@link InvalidInputException} unless {@code schema}'s {@code version} fingerprint is this context's. */
    void requireSchema(Schema candidate, String role, FormatVersion version) {
        if (!Arrays.equals(schemaFingerprint(version), SchemaFingerprint.of(candidate, version))) {
            throw new InvalidInputException(role + " schema " + candidate.getFullName()
                    + " does not match the schema fingerprint of transaction " + transactionId);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransactionContext that
                && transactionId.equals(that.transactionId)
                && participants.equals(that.participants)
                && Arrays.stream(FormatVersion.values())
                        .allMatch(v -> Arrays.equals(schemaFingerprint(v), that.schemaFingerprint(v)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(transactionId, participants, Arrays.hashCode(schemaFingerprint()));
    }

    @Override
    public String toString() {
        return "TransactionContext[txnId=" + transactionId + ", schema="
                + HexFormat.of().formatHex(schemaFingerprint()) + ", participants=" + participants + "]";
    }
}
