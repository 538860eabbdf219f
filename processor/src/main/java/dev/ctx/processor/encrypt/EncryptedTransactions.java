package dev.ctx.processor.encrypt;

import java.nio.ByteBuffer;
import java.util.List;

import dev.ctx.schemas.encrypted.ClearFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.KeyRef;
import dev.ctx.schemas.encrypted.SealedFields;
import dev.ctx.schemas.transaction.Transaction;

/** Maps a transaction to its {@link EncryptedTransaction}: public fields plus either sealed or clear fields. */
public final class EncryptedTransactions {

    /** Layout version of the EncryptedTransaction record written here. */
    public static final int FORMAT_VERSION = 1;

    private EncryptedTransactions() {}

    /** The record of a sealed transaction: no confidential value, no wrap. */
    public static EncryptedTransaction sealed(Transaction transaction, SealResult sealed) {
        SealedFields fields = SealedFields.newBuilder()
                .setCiphertext(ByteBuffer.wrap(sealed.ciphertext()))
                .setSchemaFingerprint(ByteBuffer.wrap(sealed.schemaFingerprint()))
                .setKeyRefs(keyRefs(sealed))
                .setSealId(ByteBuffer.wrap(sealed.sealId()))
                .build();
        return publicFields(transaction)
                .setConfidential(true)
                .setSealed(fields)
                .setClear(null)
                .build();
    }

    /** The record of a non-confidential transaction, its fields in clear. */
    public static EncryptedTransaction clear(Transaction transaction) {
        ClearFields fields = ClearFields.newBuilder()
                .setAmount(transaction.getAmount())
                .setPricing(transaction.getPricing())
                .setSettlementDetails(transaction.getSettlementDetails())
                .build();
        return publicFields(transaction)
                .setConfidential(false)
                .setSealed(null)
                .setClear(fields)
                .build();
    }

    private static List<KeyRef> keyRefs(SealResult sealed) {
        return sealed.wraps().stream()
                .map(wrap -> new KeyRef(wrap.recipient().id(), wrap.recipient().keyVersion()))
                .toList();
    }

    private static EncryptedTransaction.Builder publicFields(Transaction transaction) {
        return EncryptedTransaction.newBuilder()
                .setFormatVersion(FORMAT_VERSION)
                .setTransactionId(transaction.getTransactionId())
                .setJobId(transaction.getJobId())
                .setTimestamp(transaction.getTimestamp())
                .setStatus(transaction.getStatus())
                .setCurrency(transaction.getCurrency())
                .setParticipants(
                        transaction.getParticipants().stream().distinct().toList())
                .setAccessPolicy(transaction.getAccessPolicy());
    }
}
