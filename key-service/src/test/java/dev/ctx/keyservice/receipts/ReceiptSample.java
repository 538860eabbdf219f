package dev.ctx.keyservice.receipts;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ctx.envelope.EnvelopeSealer;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.SealedTransaction;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.receipts.Commitment;
import dev.ctx.envelope.receipts.Opening;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.KeyRef;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.encrypted.SealedFields;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;

/**
 * A transaction sealed as the processor seals it with receipts on: the confidential fields carry the receipt blinding
 * r, and {@link #commitment} is the C its receipt on {@code transactions.receipts} would hold.
 */
final class ReceiptSample {

    private static final SecureRandom RANDOM = new SecureRandom();

    final String transactionId;
    final Instant timestamp;
    final EncryptedTransaction encrypted;
    final Envelope envelope;
    final Opening opening;
    final Commitment commitment;

    private ReceiptSample(
            String transactionId,
            Instant timestamp,
            EncryptedTransaction encrypted,
            Envelope envelope,
            Opening opening) {
        this.transactionId = transactionId;
        this.timestamp = timestamp;
        this.encrypted = encrypted;
        this.envelope = envelope;
        this.opening = opening;
        this.commitment = opening.commit();
    }

    /** Seals {@code amount} (scale 8) for {@code recipients}, whose ids are the transaction's participants. */
    static ReceiptSample seal(String transactionId, Instant timestamp, String amount, List<Recipient> recipients) {
        List<String> participants =
                recipients.stream().map(Recipient::recipientId).toList();
        Transaction input = transaction(transactionId, timestamp, new BigDecimal(amount), participants);
        Opening opening = Opening.random(Opening.minorUnits(input.getAmount(), 8), RANDOM);
        ConfidentialFields fields = ConfidentialFields.ofTransaction();
        TransactionContext context = TransactionContext.of(transactionId, fields.schema(), participants);
        SealedTransaction sealed;
        try (EnvelopeSealer sealer = EnvelopeSealer.create()) {
            sealed = sealer.seal(fields.project(input, opening.blindingBytes()), context, recipients);
        }
        ByteBuffer sealId = ByteBuffer.wrap(sealed.sealId().bytes());
        EncryptedTransaction encrypted = EncryptedTransaction.newBuilder()
                .setTransactionId(transactionId)
                .setJobId(input.getJobId())
                .setTimestamp(timestamp)
                .setStatus(input.getStatus())
                .setCurrency(input.getCurrency())
                .setConfidential(true)
                .setParticipants(participants)
                .setAccessPolicy(input.getAccessPolicy())
                .setSealed(SealedFields.newBuilder()
                        .setCiphertext(ByteBuffer.wrap(sealed.ciphertext().toBytes()))
                        .setSchemaFingerprint(ByteBuffer.wrap(TransactionContext.fingerprintOf(fields.schema())))
                        .setKeyRefs(sealed.wraps().stream()
                                .map(w -> new KeyRef(w.recipientId(), w.keyVersion()))
                                .toList())
                        .setSealId(sealId)
                        .build())
                .setClear(null)
                .build();
        Envelope envelope = Envelope.newBuilder()
                .setTransactionId(transactionId)
                .setGeneration(1)
                .setCreatedAt(timestamp)
                .setSealId(sealId)
                .setWraps(sealed.wraps().stream()
                        .map(w -> RecipientWrap.newBuilder()
                                .setRecipientId(w.recipientId())
                                .setRecipientType(RecipientType.PARTICIPANT)
                                .setKeyVersion(w.keyVersion())
                                .setWrap(ByteBuffer.wrap(w.toBytes()))
                                .build())
                        .toList())
                .build();
        return new ReceiptSample(transactionId, timestamp, encrypted, envelope, opening);
    }

    private static Transaction transaction(
            String transactionId, Instant timestamp, BigDecimal amount, List<String> participants) {
        return Transaction.newBuilder()
                .setTransactionId(transactionId)
                .setJobId("job-" + transactionId)
                .setTimestamp(timestamp)
                .setStatus(TransactionStatus.SETTLED)
                .setAmount(amount)
                .setCurrency("EUR")
                .setPricing(Pricing.newBuilder()
                        .setUnitPrice(new BigDecimal("0.25000000"))
                        .setQuantity(new BigDecimal("4.00000000"))
                        .setFee(new BigDecimal("0.00000001"))
                        .setPricingModel("per-gpu-hour")
                        .setAttributes(Map.of())
                        .build())
                .setSettlementDetails(SettlementDetails.newBuilder()
                        .setMethod("sepa")
                        .setAccountReference("DE89-3704-0044")
                        .setSettlementDate(timestamp.plusSeconds(3600))
                        .setAttributes(Map.of())
                        .build())
                .setConfidential(true)
                .setParticipants(participants)
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("settlement"))
                        .setNotBefore(null)
                        .setNotAfter(null)
                        .build())
                .build();
    }
}
