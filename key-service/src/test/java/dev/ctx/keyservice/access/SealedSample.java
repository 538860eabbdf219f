package dev.ctx.keyservice.access;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ctx.envelope.EnvelopeSealer;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.SealedTransaction;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
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
 * A transaction sealed with the real envelope sealer for {@code client-1} (key v1) and {@code miner-1} (key v2), as
 * the processor writes it: the plaintext input, its encrypted record and envelope, and the participants' keys.
 */
public final class SealedSample {

    public static final String TXN = "txn-42";
    static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2027-01-01T00:00:00Z");

    public final Transaction input;
    public final EncryptedTransaction encrypted;
    public final Envelope envelope;
    final Map<String, X25519PrivateKey> keys = new HashMap<>();

    private SealedSample(
            Transaction input, EncryptedTransaction encrypted, Envelope envelope, Map<String, X25519PrivateKey> keys) {
        this.input = input;
        this.encrypted = encrypted;
        this.envelope = envelope;
        this.keys.putAll(keys);
    }

    static SealedSample create() {
        X25519KeyPair client = X25519KeyPair.generate();
        X25519KeyPair miner = X25519KeyPair.generate();
        SealedSample sample = sealFor(List.of(
                new Recipient("client-1", 1, client.publicKey()), new Recipient("miner-1", 2, miner.publicKey())));
        sample.keys.putAll(Map.of("client-1/1", client.privateKey(), "miner-1/2", miner.privateKey()));
        return sample;
    }

    /**
     * Seals the sample transaction for {@code recipients} (whose ids must be client-1 and miner-1, and optionally the
     * escrow recipient, wrapped as RecipientType ESCROW); no keys held.
     */
    public static SealedSample sealFor(List<Recipient> recipients) {
        Transaction input = transaction();
        ConfidentialFields fields = ConfidentialFields.ofTransaction();
        TransactionContext context = TransactionContext.of(TXN, fields.schema(), input.getParticipants());
        SealedTransaction sealed;
        try (EnvelopeSealer sealer = EnvelopeSealer.create()) {
            sealed = sealer.seal(fields.project(input), context, recipients);
        }
        ByteBuffer sealId = ByteBuffer.wrap(sealed.sealId().bytes());
        EncryptedTransaction encrypted = EncryptedTransaction.newBuilder()
                .setTransactionId(TXN)
                .setJobId(input.getJobId())
                .setTimestamp(input.getTimestamp())
                .setStatus(input.getStatus())
                .setCurrency(input.getCurrency())
                .setConfidential(true)
                .setParticipants(input.getParticipants())
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
                .setTransactionId(TXN)
                .setGeneration(1)
                .setCreatedAt(input.getTimestamp())
                .setSealId(sealId)
                .setWraps(sealed.wraps().stream()
                        .map(w -> RecipientWrap.newBuilder()
                                .setRecipientId(w.recipientId())
                                .setRecipientType(
                                        w.recipientId().equals(Recipient.ESCROW_ID)
                                                ? RecipientType.ESCROW
                                                : RecipientType.PARTICIPANT)
                                .setKeyVersion(w.keyVersion())
                                .setWrap(ByteBuffer.wrap(w.toBytes()))
                                .build())
                        .toList())
                .build();
        return new SealedSample(input, encrypted, envelope, Map.of());
    }

    private static Transaction transaction() {
        return Transaction.newBuilder()
                .setTransactionId(TXN)
                .setJobId("job-7")
                .setTimestamp(Instant.parse("2026-06-01T12:00:00Z"))
                .setStatus(TransactionStatus.SETTLED)
                .setAmount(new BigDecimal("1250.50000000"))
                .setCurrency("EUR")
                .setPricing(Pricing.newBuilder()
                        .setUnitPrice(new BigDecimal("0.25000000"))
                        .setQuantity(new BigDecimal("5002.00000000"))
                        .setFee(new BigDecimal("0.00000001"))
                        .setPricingModel("per-gpu-hour")
                        .setAttributes(Map.of("tier", "gold"))
                        .build())
                .setSettlementDetails(SettlementDetails.newBuilder()
                        .setMethod("sepa")
                        .setAccountReference("DE89-3704-0044")
                        .setSettlementDate(Instant.parse("2026-06-02T09:30:00Z"))
                        .setAttributes(Map.of("batch", "b-9"))
                        .build())
                .setConfidential(true)
                .setParticipants(List.of("client-1", "miner-1"))
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("settlement", "audit"))
                        .setNotBefore(NOT_BEFORE)
                        .setNotAfter(NOT_AFTER)
                        .build())
                .build();
    }

    /** A copy of the record with another policy window (public, not bound into the seal). */
    EncryptedTransaction withPolicyWindow(Instant notBefore, Instant notAfter) {
        return EncryptedTransaction.newBuilder(encrypted)
                .setAccessPolicy(AccessPolicy.newBuilder(encrypted.getAccessPolicy())
                        .setNotBefore(notBefore)
                        .setNotAfter(notAfter)
                        .build())
                .build();
    }

    /** A copy of the record with one ciphertext byte flipped. */
    public EncryptedTransaction withTamperedCiphertext() {
        byte[] bytes = bytes(encrypted.getSealed().getCiphertext());
        bytes[bytes.length - 5] ^= 0x01;
        SealedFields sealed = SealedFields.newBuilder(encrypted.getSealed())
                .setCiphertext(ByteBuffer.wrap(bytes))
                .build();
        return EncryptedTransaction.newBuilder(encrypted).setSealed(sealed).build();
    }

    /** A copy of the envelope with one byte of every wrap flipped. */
    Envelope withTamperedWraps() {
        return Envelope.newBuilder(envelope)
                .setWraps(envelope.getWraps().stream()
                        .map(w -> {
                            byte[] bytes = bytes(w.getWrap());
                            bytes[bytes.length - 3] ^= 0x01;
                            return RecipientWrap.newBuilder(w)
                                    .setWrap(ByteBuffer.wrap(bytes))
                                    .build();
                        })
                        .toList())
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
