package dev.ctx.keyservice.grants;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.TransactionStatus;

/** Grants and transactions for the grant tests: a window [Jan 10, Jan 20) and a range [Jan 1, Feb 1) of 2026. */
final class GrantFixtures {

    static final Instant NOT_BEFORE = Instant.parse("2026-01-10T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2026-01-20T00:00:00Z");
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant GRANTED_AT = Instant.parse("2026-01-05T00:00:00Z");

    private GrantFixtures() {}

    static Grant byIds(String grantId, String grantee, String purpose, String... transactionIds) {
        return new Grant(
                grantId,
                grantee,
                List.of(transactionIds),
                null,
                null,
                null,
                purpose,
                Set.of("amount"),
                NOT_BEFORE,
                NOT_AFTER,
                "officer-1");
    }

    static Grant byRange(String grantId, String grantee, String purpose, String participantId) {
        return new Grant(
                grantId,
                grantee,
                List.of(),
                participantId,
                FROM,
                TO,
                purpose,
                Set.of("amount"),
                NOT_BEFORE,
                NOT_AFTER,
                "officer-1");
    }

    static EncryptedTransaction transaction(String transactionId, Instant timestamp, String... participants) {
        return EncryptedTransaction.newBuilder()
                .setFormatVersion(2)
                .setTransactionId(transactionId)
                .setJobId("job-1")
                .setTimestamp(timestamp)
                .setStatus(TransactionStatus.CONFIRMED)
                .setCurrency("EUR")
                .setConfidential(true)
                .setParticipants(List.of(participants))
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("audit"))
                        .build())
                .setSealed(null)
                .setClear(null)
                .build();
    }
}
