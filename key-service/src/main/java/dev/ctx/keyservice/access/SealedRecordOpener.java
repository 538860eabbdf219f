package dev.ctx.keyservice.access;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.apache.avro.generic.GenericRecord;

import dev.ctx.envelope.EnvelopeOpener;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.error.EnvelopeFormatException;
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
 * INTEGRATION: a copy of the consumer-side opener ({@code dev.ctx.processor.open.SealedTransactionOpener}, moving to
 * the {@code client} module); the key service cannot depend on the processor. Swap this class for the client module's
 * opener once it exists. Opens a sealed record with one recipient key through the envelope library's
 * {@link EnvelopeOpener}. Thread-safe.
 */
final class SealedRecordOpener {

    private final EnvelopeOpener opener = EnvelopeOpener.create();
    private final ConfidentialFields confidentialFields = ConfidentialFields.ofTransaction();

    /**
     * @throws SealIdMismatchException if the envelope belongs to another seal or transaction than the record
     * @throws UnknownRecipientException if the envelope holds no wrap for the key's recipient
     * @throws dev.ctx.envelope.error.EnvelopeException if anything fails to parse or authenticate
     */
    GenericRecord open(EncryptedTransaction encrypted, Envelope envelope, RecipientPrivateKey key) {
        SealedFields sealed = encrypted.getSealed();
        if (sealed == null) {
            throw new EnvelopeFormatException("transaction " + encrypted.getTransactionId() + " was not sealed");
        }
        if (!encrypted.getTransactionId().equals(envelope.getTransactionId())
                || !Objects.equals(sealed.getSealId(), envelope.getSealId())) {
            throw new SealIdMismatchException("the envelope of transaction " + envelope.getTransactionId()
                    + " belongs to another seal than the record of transaction " + encrypted.getTransactionId());
        }
        TransactionContext context = TransactionContext.of(
                encrypted.getTransactionId(), bytes(sealed.getSchemaFingerprint()), encrypted.getParticipants());
        RecipientWrap wrap = Wraps.of(envelope, key.recipientId());
        return opener.open(
                CiphertextPart.parse(bytes(sealed.getCiphertext())),
                DekWrap.parse(wrap.getRecipientId(), wrap.getKeyVersion(), bytes(wrap.getWrap())),
                key,
                context,
                confidentialFields.schema());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
