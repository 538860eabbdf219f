package dev.ctx.schemas.serde;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessGrant;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.access.EscrowApproval;
import dev.ctx.schemas.access.EscrowRequest;
import dev.ctx.schemas.access.EscrowRequestState;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.KeyRef;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.encrypted.SealedFields;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;
import dev.ctx.schemas.keys.PublicKeyVersion;
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

    private TestRecords() {}

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
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("audit"))
                        .build())
                .setSealed(SealedFields.newBuilder()
                        .setCiphertext(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}))
                        .setSchemaFingerprint(ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe}))
                        .setKeyRefs(List.of(new KeyRef("client-1", 1), new KeyRef("__escrow", 3)))
                        .setSealId(ByteBuffer.wrap(SEAL_ID))
                        .build())
                .setClear(null)
                .build();
    }

    /** The seal id of {@link #encryptedTransaction()} and {@link #envelope()}: 0x00..0x0f. */
    private static final byte[] SEAL_ID = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    /** An envelope with a participant wrap and the escrow wrap. */
    public static Envelope envelope() {
        return Envelope.newBuilder()
                .setTransactionId("txn-0001")
                .setGeneration(2)
                .setCreatedAt(TIMESTAMP)
                .setWraps(List.of(
                        new RecipientWrap(
                                "client-1", RecipientType.PARTICIPANT, 1, ByteBuffer.wrap(new byte[] {1, 2, 3})),
                        new RecipientWrap("__escrow", RecipientType.ESCROW, 3, ByteBuffer.wrap(new byte[] {4, 5}))))
                .setSealId(ByteBuffer.wrap(SEAL_ID))
                .build();
    }

    /** A granted access event with every optional field set. */
    public static AccessEvent accessEvent() {
        return AccessEvent.newBuilder()
                .setEventId("00000000-0000-0000-0000-000000000001")
                .setType(AccessEventType.ENCRYPTED)
                .setTransactionId("txn-0001")
                .setSubject(null)
                .setRequester("processor/encrypt-1")
                .setPurpose("settlement")
                .setAuthorizedBy("policy")
                .setDataAccessed(List.of("amount", "pricing"))
                .setIp("127.0.0.1")
                .setUserAgent("ctx-test")
                .setTimestamp(TIMESTAMP)
                .setOutcome(AccessOutcome.SUCCESS)
                .setReason(null)
                .setSource("processor/encrypt-1")
                .setAttributes(Map.of("keyVersions", "client-1:1"))
                .build();
    }

    /** A keyring with a retired and a current key. */
    public static ParticipantKeyring keyring() {
        return ParticipantKeyring.newBuilder()
                .setParticipantId("miner-9")
                .setRole(ParticipantRole.MINER)
                .setStatus(ParticipantStatus.ACTIVE)
                .setKycStatus(KycStatus.VERIFIED)
                .setAllowedPurposes(List.of("settlement"))
                .setCurrentVersion(2)
                .setKeys(List.of(
                        new PublicKeyVersion(
                                1, "X25519", ByteBuffer.wrap(new byte[] {9, 9}), TIMESTAMP, KeyStatus.RETIRED),
                        new PublicKeyVersion(
                                2, "X25519", ByteBuffer.wrap(new byte[] {8, 8}), TIMESTAMP, KeyStatus.ACTIVE)))
                .setRevision(7)
                .setUpdatedAt(TIMESTAMP)
                .build();
    }

    /** A dead letter with its coordinates and reason. */
    public static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setSourceTopic("transactions")
                .setSourcePartition(2)
                .setSourceOffset(123_456_789_012L)
                .setTransactionId("txn-0001")
                .setReason("UNKNOWN_PARTICIPANT")
                .setDetail("participant miner-404 has no keyring")
                .setTimestamp(TIMESTAMP)
                .setSource("processor/encrypt-1")
                .build();
    }

    /** A revoked grant over a participant's transactions in a time range (every optional field set). */
    public static AccessGrant accessGrant() {
        return AccessGrant.newBuilder()
                .setGrantId("00000000-0000-0000-0000-000000000002")
                .setGrantee("auditor-7")
                .setTransactionIds(List.of())
                .setParticipantId("client-1")
                .setRangeFrom(Instant.parse("2026-01-01T00:00:00Z"))
                .setRangeTo(Instant.parse("2026-02-01T00:00:00Z"))
                .setPurpose("audit")
                .setFieldNames(List.of("amount", "pricing"))
                .setNotBefore(Instant.parse("2026-01-02T00:00:00Z"))
                .setNotAfter(Instant.parse("2026-01-09T00:00:00Z"))
                .setGrantedBy("officer-1")
                .setGrantedAt(TIMESTAMP)
                .setRevokedAt(Instant.parse("2026-01-03T00:00:00Z"))
                .setRevokedBy("operator-1")
                .build();
    }

    /** An approved escrow request opened once. */
    public static EscrowRequest escrowRequest() {
        return EscrowRequest.newBuilder()
                .setRequestId("00000000-0000-0000-0000-000000000003")
                .setTransactionIds(List.of("txn-1"))
                .setAuthorizationReference("CO-2026-17")
                .setLegalBasis("court order")
                .setReason("fraud case 9")
                .setFieldNames(List.of("amount"))
                .setRequestedBy("auditor-7")
                .setRequestedAt(TIMESTAMP)
                .setExpiresAt(Instant.parse("2026-01-09T00:00:00Z"))
                .setState(EscrowRequestState.OPENED)
                .setApprovals(List.of(
                        new EscrowApproval("officer-1", Instant.parse("2026-01-03T00:00:00Z")),
                        new EscrowApproval("officer-2", Instant.parse("2026-01-04T00:00:00Z"))))
                .setClosedBy(null)
                .setClosedAt(null)
                .setClosingReason(null)
                .setMaxOpens(1)
                .setOpens(1)
                .setLastOpenedAt(Instant.parse("2026-01-05T00:00:00Z"))
                .build();
    }
}
