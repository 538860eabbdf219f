package dev.ctx.keyservice.lookup;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ctx.schemas.encrypted.ClearFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.KeyRef;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.encrypted.SealedFields;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.TransactionStatus;

/** Records as the processor writes them, built per transaction id, and the real serdes on a registry URL. */
final class ViewRecords {

    private static final Instant TIME = Instant.parse("2026-12-01T10:00:00Z");
    private static final byte[] SEAL_ID = new byte[16];

    private ViewRecords() {}

    static EncryptedTransaction sealed(String id) {
        return base(id).setConfidential(true)
                .setSealed(SealedFields.newBuilder()
                        .setCiphertext(ByteBuffer.wrap(new byte[] {2, 9, 9, 9}))
                        .setSchemaFingerprint(ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe}))
                        .setKeyRefs(List.of(new KeyRef("client-1", 1), new KeyRef("__escrow", 1)))
                        .setSealId(ByteBuffer.wrap(SEAL_ID))
                        .build())
                .build();
    }

    static EncryptedTransaction cleartext(String id) {
        return base(id).setConfidential(false)
                .setClear(ClearFields.newBuilder()
                        .setAmount(new BigDecimal("1250.00000000"))
                        .setPricing(Pricing.newBuilder()
                                .setUnitPrice(BigDecimal.ONE.setScale(8))
                                .setQuantity(BigDecimal.TEN.setScale(8))
                                .setFee(BigDecimal.ZERO.setScale(8))
                                .setPricingModel("flat")
                                .setAttributes(Map.of())
                                .build())
                        .setSettlementDetails(SettlementDetails.newBuilder()
                                .setMethod("SEPA")
                                .setAccountReference("acct-1")
                                .setSettlementDate(TIME)
                                .setAttributes(Map.of())
                                .build())
                        .build())
                .build();
    }

    private static EncryptedTransaction.Builder base(String id) {
        return EncryptedTransaction.newBuilder()
                .setTransactionId(id)
                .setJobId("job-1")
                .setTimestamp(TIME)
                .setStatus(TransactionStatus.CONFIRMED)
                .setCurrency("EUR")
                .setParticipants(List.of("client-1", "miner-1"))
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("settlement"))
                        .build())
                .setSealed(null)
                .setClear(null);
    }

    static Envelope envelope(String id, int generation) {
        return Envelope.newBuilder()
                .setTransactionId(id)
                .setGeneration(generation)
                .setCreatedAt(TIME.plusSeconds(generation))
                .setWraps(List.of(
                        new RecipientWrap(
                                "client-1", RecipientType.PARTICIPANT, generation, ByteBuffer.wrap(new byte[] {
                                    1, (byte) generation
                                })),
                        new RecipientWrap("__escrow", RecipientType.ESCROW, 1, ByteBuffer.wrap(new byte[] {4, 5}))))
                .setSealId(ByteBuffer.wrap(SEAL_ID))
                .build();
    }

    static ConfluentAvroSerde<EncryptedTransaction> encryptedSerde(String registryUrl) {
        return ConfluentAvroSerdes.forClass(EncryptedTransaction.class, registry(registryUrl), false);
    }

    static ConfluentAvroSerde<Envelope> envelopeSerde(String registryUrl) {
        return ConfluentAvroSerdes.forClass(Envelope.class, registry(registryUrl), false);
    }

    static Map<String, String> registry(String registryUrl) {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    }
}
