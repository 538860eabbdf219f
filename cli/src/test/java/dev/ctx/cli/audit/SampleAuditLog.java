package dev.ctx.cli.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * A week of plausible access-log traffic (seeded, so reproducible) with two hostile strings in it: a requester id
 * and a denial reason that try to inject markup and script into the report.
 */
final class SampleAuditLog {

    /** A requester id that would run script if the report did not escape it. */
    static final String SCRIPT_REQUESTER = "<script>document.title='PWNED'</script>";
    /** A reason that would break out of an attribute and run an event handler. */
    static final String ATTRIBUTE_REASON = "\"><img src=x onerror=\"document.title='PWNED'\">";

    static final Instant SINCE = AuditEntries.T0;
    static final Instant UNTIL = AuditEntries.T0.plusSeconds(7 * 24 * 3600);

    private SampleAuditLog() {}

    static List<AuditEntry> week() {
        Random random = new Random(15);
        AuditEntries log = new AuditEntries();
        List<String> requesters = List.of("auditor-anna", "auditor-ben", "settlement-svc", "risk-batch", "ops-carla");
        List<String> purposes = List.of("settlement", "dispute", "regulatory-report", "fraud-review");
        List<String> reasons = List.of("NO_GRANT", "GRANT_EXPIRED", "PURPOSE_NOT_ALLOWED", "UNKNOWN_TRANSACTION");
        for (int minute = 0; minute < 7 * 24 * 60; minute += 7 + random.nextInt(20)) {
            int hour = (minute / 60) % 24;
            int burst = hour >= 8 && hour < 18 ? 3 : 1;
            for (int i = 0; i < burst; i++) {
                String requester = requesters.get(Math.min(random.nextInt(6), 4));
                boolean denied = random.nextInt(10) == 0;
                log.access(
                        minute,
                        requester,
                        purposes.get(random.nextInt(purposes.size())),
                        "txn-" + random.nextInt(5000),
                        denied ? AccessOutcome.DENIED : AccessOutcome.GRANTED,
                        denied ? reasons.get(random.nextInt(reasons.size())) : null);
            }
        }
        log.access(600, SCRIPT_REQUESTER, "settlement", "txn-x", AccessOutcome.DENIED, ATTRIBUTE_REASON);
        log.event(60, AccessEventType.KEY_ROTATED, AccessOutcome.SUCCESS, "miner-1", Map.of("keyVersion", "4"));
        log.event(3000, AccessEventType.KEY_REVOKED, AccessOutcome.SUCCESS, "client-9", Map.of("keyVersion", "2"));
        log.event(4000, AccessEventType.AUDIT_SIGNING_KEY_ROTATED, AccessOutcome.SUCCESS, "audit-signer", Map.of());
        log.event(4100, AccessEventType.AUTHENTICATION_FAILED, AccessOutcome.DENIED, "escrow", Map.of("status", "401"));
        log.escrowOpen(5000, "esc-2026-0042", "CASE-77/2026", "officer-a,officer-b", "txn-4711");
        log.escrowOpen(5003, "esc-2026-0042", "CASE-77/2026", "officer-a,officer-b", "txn-4712");
        log.event(9000, AccessEventType.ENCRYPTED, AccessOutcome.SUCCESS, null, Map.of());
        return log.list();
    }

    static AuditReport report(ChainStatus chain) {
        return AuditReport.of(week(), SINCE, UNTIL, Instant.parse("2026-12-08T09:00:00Z"), "access-log @ test", chain);
    }
}
