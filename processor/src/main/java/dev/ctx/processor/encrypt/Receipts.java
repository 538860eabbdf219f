package dev.ctx.processor.encrypt;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import dev.ctx.schemas.receipts.Receipt;
import dev.ctx.schemas.transaction.Transaction;

/** Maps a sealed transaction's receipt to its {@link Receipt} record on {@code transactions.receipts}. */
public final class Receipts {

    /** Layout version of the Receipt record written here. */
    public static final int FORMAT_VERSION = 1;
    /** The scheme of docs/receipts.md. */
    public static final String SCHEME = "ctx-receipts/v1";

    private Receipts() {}

    /** The receipt of {@code transaction}, if sealing made one. */
    public static List<Receipt> of(Transaction transaction, SealResult sealed, String source, Instant now) {
        return sealed
                .receipt()
                .map(receipt -> Receipt.newBuilder()
                        .setFormatVersion(FORMAT_VERSION)
                        .setTransactionId(transaction.getTransactionId())
                        .setScheme(SCHEME)
                        .setJobId(transaction.getJobId())
                        .setTimestamp(transaction.getTimestamp())
                        .setCurrency(transaction.getCurrency())
                        .setParticipants(List.copyOf(transaction.getParticipants()))
                        .setAmountScale(receipt.amountScale())
                        .setCommitment(ByteBuffer.wrap(receipt.commitment()))
                        .setOpeningProof(ByteBuffer.wrap(receipt.openingProof()))
                        .setSealId(ByteBuffer.wrap(sealed.sealId()))
                        .setCreatedAt(now)
                        .setSource(source)
                        .build())
                .stream()
                .toList();
    }
}
