package dev.ctx.client.local;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.avro.generic.GenericRecord;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.client.fields.ConfidentialJson;
import dev.ctx.client.keyfile.KeyFileException;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.client.open.SealedTransactionOpener;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.error.RecipientMismatchException;
import dev.ctx.envelope.error.UnknownRecipientException;
import dev.ctx.schemas.confidential.ConfidentialSchema;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;

/**
 * Opens sealed transactions with one participant's own key files (one per key version it still holds). Thread-safe.
 *
 * <p>Failures are the envelope library's typed exceptions: {@link UnknownRecipientException} when the envelope holds
 * no wrap for the participant (it is not a recipient of the transaction); {@link RecipientMismatchException} when the
 * wrap is for a key version none of the files holds (rotated and rewrapped, or an older file);
 * {@link dev.ctx.envelope.error.AuthenticationFailedException} for a tampered ciphertext, wrap or public field the AAD
 * binds; {@link dev.ctx.envelope.error.SealIdMismatchException} for an envelope of another seal.
 */
public final class LocalOpener {

    private final SealedTransactionOpener opener = new SealedTransactionOpener();
    private final String participantId;
    private final Map<Integer, RecipientPrivateKey> keysByVersion;

    private LocalOpener(String participantId, Map<Integer, RecipientPrivateKey> keysByVersion) {
        this.participantId = participantId;
        this.keysByVersion = keysByVersion;
    }

    /**
     * An opener over {@code keyFiles}, all of one participant and each with a registered key version.
     *
     * @throws KeyFileException if the files are of several participants, repeat a version or record none
     */
    public static LocalOpener of(List<ParticipantKeyFile> keyFiles) {
        if (keyFiles.isEmpty()) {
            throw new IllegalArgumentException("no key file");
        }
        String participantId = keyFiles.get(0).participantId();
        Map<Integer, RecipientPrivateKey> keys = new TreeMap<>();
        for (ParticipantKeyFile file : keyFiles) {
            if (!file.participantId().equals(participantId)) {
                throw new KeyFileException("key files of " + participantId + " and " + file.participantId()
                        + " given together; one opener opens for one participant");
            }
            RecipientPrivateKey key = file.recipientKey();
            if (keys.putIfAbsent(key.keyVersion(), key) != null) {
                throw new KeyFileException(
                        "two key files of " + participantId + " for key version " + key.keyVersion());
            }
        }
        return new LocalOpener(participantId, Collections.unmodifiableMap(keys));
    }

    /** An opener over one key file. */
    public static LocalOpener of(ParticipantKeyFile keyFile) {
        return of(List.of(keyFile));
    }

    public String participantId() {
        return participantId;
    }

    /**
     * The transaction's confidential fields as JSON (decimals and timestamps as strings), in schema order; the
     * receipt blinding is left out (it is no field of the transaction: {@link #openRecord} and
     * {@code ConfidentialFields.receiptBlinding} give it to a receipt prover).
     */
    public Map<String, JsonNode> open(EncryptedTransaction encrypted, Envelope envelope) {
        Map<String, JsonNode> fields = new LinkedHashMap<>(ConfidentialJson.fields(openRecord(encrypted, envelope)));
        fields.remove(ConfidentialSchema.RECEIPT_BLINDING);
        return Collections.unmodifiableMap(fields);
    }

    /** The confidential fields as a record of the sealed schema (decimals as {@code BigDecimal}). */
    public GenericRecord openRecord(EncryptedTransaction encrypted, Envelope envelope) {
        Objects.requireNonNull(encrypted, "encrypted");
        Objects.requireNonNull(envelope, "envelope");
        return opener.open(encrypted, envelope, keyFor(wrapOf(envelope)));
    }

    private RecipientWrap wrapOf(Envelope envelope) {
        return envelope.getWraps().stream()
                .filter(wrap -> wrap.getRecipientId().equals(participantId))
                .findFirst()
                .orElseThrow(() -> new UnknownRecipientException("envelope of transaction "
                        + envelope.getTransactionId() + " holds no wrap for participant " + participantId));
    }

    private RecipientPrivateKey keyFor(RecipientWrap wrap) {
        RecipientPrivateKey key = keysByVersion.get(wrap.getKeyVersion());
        if (key == null) {
            throw new RecipientMismatchException("the wrap for " + participantId + " is for key version "
                    + wrap.getKeyVersion() + "; the key files hold versions " + keysByVersion.keySet());
        }
        return key;
    }
}
