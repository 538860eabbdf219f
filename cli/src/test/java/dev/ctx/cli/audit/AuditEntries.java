package dev.ctx.cli.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventBuilder;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/** Test data: decoded access-log entries, sequenced per partition like the sealer numbers them. */
final class AuditEntries {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final List<AuditEntry> entries = new ArrayList<>();
    private final long[] sequences = new long[4];

    /** An access decision by {@code requester} at {@code T0 + minutes}. */
    AuditEntries access(
            int minutes, String requester, String purpose, String txn, AccessOutcome outcome, String reason) {
        AccessEventBuilder event = AccessEventBuilder.of(
                        outcome == AccessOutcome.GRANTED
                                ? AccessEventType.ACCESS_GRANTED
                                : AccessEventType.ACCESS_DENIED,
                        outcome,
                        "key-service/ks-1",
                        T0.plusSeconds(60L * minutes))
                .setRequester(requester)
                .setPurpose(purpose)
                .setTransactionId(txn);
        if (reason != null) {
            event.setReason(reason);
        }
        return add(event.build());
    }

    /** Any event of {@code type} at {@code T0 + minutes}. */
    AuditEntries event(
            int minutes, AccessEventType type, AccessOutcome outcome, String subject, Map<String, String> a) {
        return add(AccessEventBuilder.of(type, outcome, "key-service/ks-1", T0.plusSeconds(60L * minutes))
                .setRequester("officer-1")
                .setSubject(subject)
                .setAttributes(a)
                .build());
    }

    /** An ESCROW_OPENED of {@code txn} under request {@code requestId}, with the escrow service's attributes. */
    AuditEntries escrowOpen(int minutes, String requestId, String authorization, String approvers, String txn) {
        return add(AccessEventBuilder.of(
                        AccessEventType.ESCROW_OPENED,
                        AccessOutcome.SUCCESS,
                        "key-service/ks-1",
                        T0.plusSeconds(60L * minutes))
                .setRequester("escrow-officer")
                .setSubject(requestId)
                .setTransactionId(txn)
                .setPurpose("legal-hold")
                .setAttributes(Map.of(
                        "requestId", requestId,
                        "authorizationReference", authorization,
                        "approvers", approvers,
                        "legalBasis", "court order",
                        "opens", "1/3"))
                .build());
    }

    AuditEntries add(AccessEvent event) {
        int partition = Math.floorMod(event.getEventId().hashCode(), sequences.length);
        entries.add(new AuditEntry(
                partition,
                sequences[partition],
                sequences[partition]++,
                event.getTimestamp().plusMillis(5),
                event));
        return this;
    }

    List<AuditEntry> list() {
        return List.copyOf(entries);
    }
}
