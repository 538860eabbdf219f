package dev.ctx.client.testing;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ctx.envelope.EnvelopeSealer;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.SealedTransaction;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.format.DekWrap;
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
 * A transaction sealed with the envelope library and laid out as the processor writes it to
 * {@code transactions.encrypted} and {@code transactions.envelopes}, for opening tests.
 */
public record SealedSample(Transaction transaction, EncryptedTransaction encrypted, Envelope envelope) {

    private static final ConfidentialFields FIELDS = ConfidentialFields.ofTransaction();

    /** A transaction of {@code participants} (ids as recipients, with their keys) plus the escrow. */
    public static SealedSample sealFor(String transactionId, List<Recipient> participants, Recipient escrow) {
        Transaction transaction = transaction(
                transactionId, participants.stream().map(Recipient::recipientId).toList());
        byte[] fingerprint = TransactionContext.fingerprintOf(FIELDS.schema());
        TransactionContext context = TransactionContext.of(transactionId, fingerprint, transaction.getParticipants());
        List<Recipient> recipients = new ArrayList<>(participants);
        recipients.add(escrow);
        SealedTransaction sealed = EnvelopeSealer.create().seal(FIELDS.project(transaction), context, recipients);
        return new SealedSample(
                transaction,
                encrypted(transaction, sealed, fingerprint, recipients),
                envelope(transactionId, sealed, recipients));
    }

    /** The sample's input values of the confidential fields. */
    public static Transaction transaction(String transactionId, List<String> participants) {
        return Transaction.newBuilder()
                .setTransactionId(transactionId)
                .setJobId("job-7")
                .setTimestamp(Instant.parse("2026-11-30T10:15:30Z"))
                .setStatus(TransactionStatus.CONFIRMED)
                .setAmount(new BigDecimal("1250.00000000"))
                .setCurrency("EUR")
                .setPricing(Pricing.newBuilder()
                        .setUnitPrice(new BigDecimal("12.50000000"))
                        .setQuantity(new BigDecimal("100.00000000"))
                        .setFee(new BigDecimal("0.00000000"))
                        .setPricingModel("flat")
                        .setAttributes(Map.of())
                        .build())
                .setSettlementDetails(SettlementDetails.newBuilder()
                        .setMethod("SEPA")
                        .setAccountReference("DE89-3704")
                        .setSettlementDate(Instant.parse("2026-12-01T00:00:00Z"))
                        .setAttributes(Map.of("batch", "b-1"))
                        .build())
                .setConfidential(true)
                .setParticipants(participants)
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("settlement"))
                        .build())
                .build();
    }

    private static EncryptedTransaction encrypted(
            Transaction transaction, SealedTransaction sealed, byte[] fingerprint, List<Recipient> recipients) {
        SealedFields fields = SealedFields.newBuilder()
                .setCiphertext(ByteBuffer.wrap(sealed.ciphertext().toBytes()))
                .setSchemaFingerprint(ByteBuffer.wrap(fingerprint))
                .setKeyRefs(recipients.stream()
                        .map(r -> new KeyRef(r.recipientId(), r.keyVersion()))
                        .toList())
                .setSealId(ByteBuffer.wrap(sealed.sealId().bytes()))
                .build();
        return EncryptedTransaction.newBuilder()
                .setFormatVersion(1)
                .setTransactionId(transaction.getTransactionId())
                .setJobId(transaction.getJobId())
                .setTimestamp(transaction.getTimestamp())
                .setStatus(transaction.getStatus())
                .setCurrency(transaction.getCurrency())
                .setParticipants(transaction.getParticipants())
                .setAccessPolicy(transaction.getAccessPolicy())
                .setConfidential(true)
                .setSealed(fields)
                .setClear(null)
                .build();
    }

    private static Envelope envelope(String transactionId, SealedTransaction sealed, List<Recipient> recipients) {
        List<RecipientWrap> wraps = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient recipient = recipients.get(i);
            DekWrap wrap = sealed.wraps().get(i);
            wraps.add(RecipientWrap.newBuilder()
                    .setRecipientId(recipient.recipientId())
                    .setRecipientType(recipient.isEscrow() ? RecipientType.ESCROW : RecipientType.PARTICIPANT)
                    .setKeyVersion(recipient.keyVersion())
                    .setWrap(ByteBuffer.wrap(wrap.toBytes()))
                    .build());
        }
        return Envelope.newBuilder()
                .setFormatVersion(1)
                .setTransactionId(transactionId)
                .setGeneration(1)
                .setCreatedAt(Instant.parse("2026-11-30T10:15:31Z"))
                .setWraps(wraps)
                .setSealId(ByteBuffer.wrap(sealed.sealId().bytes()))
                .build();
    }
}
