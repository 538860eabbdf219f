package dev.ctx.processor.encrypt;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;

import org.apache.avro.LogicalTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.envelope.error.ValueOutOfRangeException;
import dev.ctx.envelope.receipts.Opening;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.schemas.transaction.Transaction;

/**
 * The per-transaction part of a receipt (issue 18): a fresh blinding r, the commitment C = v·G + r·H to the amount v
 * in minor units and the opening proof bound to the transaction id: one pass over the fixed-base tables of G and H
 * for C (64 + 256 bits) and one for the proof's A (256 + 256 bits), normalised together.
 * An amount outside [0, 2^64) minor units gets no receipt (the transaction is still sealed, with a null blinding)
 * and a warning with the transaction id. Thread-safe.
 */
final class ReceiptMaker {

    private static final Logger LOGGER = LoggerFactory.getLogger(ReceiptMaker.class);
    /** The decimal scale of {@code Transaction.amount}: v = amount × 10^scale. */
    static final int AMOUNT_SCALE = ((LogicalTypes.Decimal)
                    Transaction.getClassSchema().getField("amount").schema().getLogicalType())
            .getScale();

    private final SecureRandom random;
    private final boolean enabled;

    private ReceiptMaker(SecureRandom random, boolean enabled) {
        this.random = random;
        this.enabled = enabled;
    }

    static ReceiptMaker create() {
        return new ReceiptMaker(new SecureRandom(), true);
    }

    static ReceiptMaker disabled() {
        return new ReceiptMaker(null, false);
    }

    /** The blinding to seal and the receipt's public part. */
    record Made(SealedReceipt receipt, Opening opening) {
        byte[] blinding() {
            return opening.blindingBytes();
        }
    }

    Optional<Made> make(Transaction transaction) {
        if (!enabled) {
            return Optional.empty();
        }
        BigInteger value;
        try {
            value = Opening.minorUnits(transaction.getAmount(), AMOUNT_SCALE);
        } catch (ValueOutOfRangeException e) {
            LOGGER.atWarn()
                    .addKeyValue("txnId", transaction.getTransactionId())
                    .addKeyValue("reason", "AMOUNT_OUTSIDE_RECEIPT_RANGE")
                    .log("sealed without a receipt: amount is not in [0, 2^64) minor units");
            return Optional.empty();
        }
        Opening opening = Opening.random(value, random);
        OpeningProof.Committed receipt = OpeningProof.commitAndProve(transaction.getTransactionId(), opening, random);
        return Optional.of(new Made(
                new SealedReceipt(
                        receipt.commitment().toBytes(), receipt.proof().toBytes(), AMOUNT_SCALE),
                opening));
    }
}
