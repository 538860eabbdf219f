package dev.ctx.schemas.serde;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.KeyRef;
import dev.ctx.schemas.encrypted.SealedFields;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;

/** Fixed records for golden and round-trip tests. Changing any value changes the golden files. */
public final class TestRecords {

    /** The schema id the golden files carry: four distinct bytes pin the big-endian order. */
    public static final int GOLDEN_SCHEMA_ID = 0x01020304;

    private static final Instant TIMESTAMP = Instant.parse("2026-01-02T03:04:05.678Z");

    private TestRecords() {
    }

    /** A confidential transaction using every field kind: decimals, timestamps, maps, arrays, unions. */
    public static Transaction transaction() {
        return Transaction.newBuilder()
                .setTransactionId("txn-0001")
                .setJobId("job-42")
                .setTimestamp(TIMESTAMP)
                .setStatus(TransactionStatus.CONFIRMED)
                .setAmount(new BigDecimal("12345.67890123"))
                .setCurrency("EUR")
                .setPricing(Pricing.newBuilder()
                        .setUnitPrice(new BigDecimal("0.00012345"))
                        .setQuantity(new BigDecimal("100000000.00000000"))
                        .setFee(new BigDecimal("-1.50000000"))
                        .setPricingModel("per-gpu-hour")
                        .setAttributes(Map.of("tier", "gold"))
                        .build())
                .setSettlementDetails(SettlementDetails.newBuilder()
                        .setMethod("SEPA")
                        .setAccountReference("acct-7")
                        .setSettlementDate(Instant.parse("2026-01-03T00:00:00Z"))
                        .setAttributes(Map.of())
                        .build())
                .setConfidential(true)
                .setParticipants(List.of("client-1", "miner-9"))
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("settlement", "audit"))
                        .setNotBefore(TIMESTAMP)
                        .setNotAfter(null)
                        .build())
                .build();
    }

    /** The sealed form of a transaction: public fields, ciphertext bytes and key references. */
    public static EncryptedTransaction encryptedTransaction() {
        return EncryptedTransaction.newBuilder()
                .setTransactionId("txn-0001")
                .setJobId("job-42")
                .setTimestamp(TIMESTAMP)
                .setStatus(TransactionStatus.CONFIRMED)
                .setCurrency("EUR")
                .setConfidential(true)
                .setParticipants(List.of("client-1", "miner-9"))
                .setAccessPolicy(AccessPolicy.newBuilder().setAllowedPurposes(List.of("audit")).build())
                .setSealed(SealedFields.newBuilder()
                        .setCiphertext(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}))
                        .setSchemaFingerprint(ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe}))
                        .setKeyRefs(List.of(new KeyRef("client-1", 1), new KeyRef("__escrow", 3)))
                        .build())
                .setClear(null)
                .build();
    }
}
