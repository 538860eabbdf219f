package dev.ctx.client.open;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.apache.avro.generic.GenericRecord;

import dev.ctx.envelope.EnvelopeOpener;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.error.SealIdMismatchException;
import dev.ctx.envelope.error.UnknownRecipientException;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.encrypted.SealedFields;

/**
 * Opens what the encryption topology sealed: finds the key's wrap in the envelope, rebuilds the transaction context
 * from the public fields and returns the confidential fields as a record of its writer schema: the current
 * {@link ConfidentialFields#schema()}, or for a record sealed before receipts the same fields without
 * {@code receiptBlinding} ({@link ConfidentialFields#writerSchemaFor}).
 * Thread-safe.
 */
public final class SealedTransactionOpener {

    private final EnvelopeOpener opener = EnvelopeOpener.create();
    private final ConfidentialFields confidentialFields = ConfidentialFields.ofTransaction();

    /**
     * Opens the confidential fields of {@code encrypted} with {@code key}'s wrap in {@code envelope}.
     *
     * @throws IllegalArgumentException if {@code encrypted} was passed in clear
     * @throws SealIdMismatchException if the envelope belongs to another seal (seal id or transaction id) than the
     *         record
     * @throws UnknownRecipientException if the envelope holds no wrap for the key's recipient
     * @throws dev.ctx.envelope.error.EnvelopeException if anything fails to authenticate
     */
    public GenericRecord open(EncryptedTransaction encrypted, Envelope envelope, RecipientPrivateKey key) {
        SealedFields sealed = encrypted.getSealed();
        if (sealed == null) {
            throw new IllegalArgumentException("transaction " + encrypted.getTransactionId() + " was not sealed");
        }
        requireSameSeal(encrypted, sealed, envelope);
        TransactionContext context = TransactionContext.of(
                encrypted.getTransactionId(), bytes(sealed.getSchemaFingerprint()), encrypted.getParticipants());
        RecipientWrap wrap = wrapFor(envelope, key.recipientId());
        CiphertextPart ciphertext = CiphertextPart.parse(bytes(sealed.getCiphertext()));
        return opener.open(
                ciphertext,
                DekWrap.parse(wrap.getRecipientId(), wrap.getKeyVersion(), bytes(wrap.getWrap())),
                key,
                context,
                confidentialFields.writerSchemaFor(bytes(sealed.getSchemaFingerprint()), ciphertext.version()));
    }

    /** The envelope's seal id must be the record's (both absent for format v1). */
    private static void requireSameSeal(EncryptedTransaction encrypted, SealedFields sealed, Envelope envelope) {
        ByteBuffer recordSealId = sealed.getSealId();
        ByteBuffer envelopeSealId = envelope.getSealId();
        if (!encrypted.getTransactionId().equals(envelope.getTransactionId())
                || !Objects.equals(recordSealId, envelopeSealId)) {
            throw new SealIdMismatchException("envelope of transaction " + envelope.getTransactionId()
                    + " belongs to another seal than the encrypted record of transaction "
                    + encrypted.getTransactionId());
        }
    }

    private static RecipientWrap wrapFor(Envelope envelope, String recipientId) {
        return envelope.getWraps().stream()
                .filter(wrap -> wrap.getRecipientId().equals(recipientId))
                .findFirst()
                .orElseThrow(() -> new UnknownRecipientException("envelope of transaction "
                        + envelope.getTransactionId() + " holds no wrap for recipient " + recipientId));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
