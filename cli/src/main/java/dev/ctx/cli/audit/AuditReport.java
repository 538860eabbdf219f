package dev.ctx.cli.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * The figures of one compliance report over {@code [since, until)} (event timestamps): every decision by outcome over
 * time, denials by reason, accesses by requester and by purpose, escrow opens, key lifecycle events, and the chain
 * status. Built from decoded entries; rendered by {@link HtmlReport}.
 */
final class AuditReport {

    /** Event types that are someone reading confidential data (or being refused it). */
    static final Set<AccessEventType> ACCESS_TYPES = EnumSet.of(
            AccessEventType.ACCESS_GRANTED,
            AccessEventType.ACCESS_DENIED,
            AccessEventType.AUTHENTICATION_FAILED,
            AccessEventType.ESCROW_OPENED,
            AccessEventType.ESCROW_DENIED);

    /** Event types of the key, escrow-key and audit-signing-key lifecycle. */
    static final Set<AccessEventType> KEY_LIFECYCLE_TYPES = EnumSet.of(
            AccessEventType.KEY_CREATED,
            AccessEventType.KEY_ROTATED,
            AccessEventType.KEY_REVOKED,
            AccessEventType.KEY_RETIRED,
            AccessEventType.KEY_DESTROYED,
            AccessEventType.KEY_POSSESSION_PROVEN,
            AccessEventType.ESCROW_KEY_CREATED,
            AccessEventType.ESCROW_KEY_ROTATED,
            AccessEventType.SHREDDED,
            AccessEventType.ACCESS_REVOKED,
            AccessEventType.AUDIT_SIGNING_KEY_CREATED,
            AccessEventType.AUDIT_SIGNING_KEY_ROTATED);

    /** Categories shown per bar chart; the rest are summed into one "others" row. */
    static final int TOP = 12;

    private static final List<Duration> BUCKETS = List.of(
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(6),
            Duration.ofDays(1),
            Duration.ofDays(7),
            Duration.ofDays(30));
    private static final int MAX_BUCKETS = 72;

    private final Instant since;
    private final Instant until;
    private final Instant generatedAt;
    private final String sourceDescription;
    private final ChainStatus chain;
    private final List<AuditEntry> entries;
    private final Duration bucket;

    private AuditReport(
            Instant since,
            Instant until,
            Instant generatedAt,
            String sourceDescription,
            ChainStatus chain,
            List<AuditEntry> entries) {
        this.since = since;
        this.until = until;
        this.generatedAt = generatedAt;
        this.sourceDescription = sourceDescription;
        this.chain = chain;
        this.entries = entries;
        this.bucket = bucketFor(Duration.between(since, until));
    }

    /** The report over the entries of {@code all} whose event time is in {@code [since, until)}. */
    static AuditReport of(
            List<AuditEntry> all,
            Instant since,
            Instant until,
            Instant generatedAt,
            String sourceDescription,
            ChainStatus chain) {
        AuditFilter window = AuditFilter.window(since, until);
        List<AuditEntry> inWindow = new ArrayList<>(all.stream().filter(window).toList());
        inWindow.sort(AuditEntry.CHRONOLOGICAL);
        return new AuditReport(since, until, generatedAt, sourceDescription, chain, inWindow);
    }

    static Duration bucketFor(Duration span) {
        for (Duration candidate : BUCKETS) {
            if (span.dividedBy(candidate) <= MAX_BUCKETS) {
                return candidate;
            }
        }
        return BUCKETS.get(BUCKETS.size() - 1);
    }

    Instant since() {
        return since;
    }

    Instant until() {
        return until;
    }

    Instant generatedAt() {
        return generatedAt;
    }

    String sourceDescription() {
        return sourceDescription;
    }

    ChainStatus chain() {
        return chain;
    }

    List<AuditEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    Duration bucket() {
        return bucket;
    }

    /** The start of every time bucket covering the window, aligned to multiples of the bucket since the epoch. */
    List<Instant> bucketStarts() {
        List<Instant> starts = new ArrayList<>();
        long size = bucket.toMillis();
        long first = Math.floorDiv(since.toEpochMilli(), size) * size;
        for (long at = first; at < until.toEpochMilli(); at += size) {
            starts.add(Instant.ofEpochMilli(at));
        }
        return starts;
    }

    /** {@code counts[outcome ordinal][bucket]}: every event in the window by outcome and time bucket. */
    long[][] decisionsOverTime() {
        List<Instant> starts = bucketStarts();
        long[][] counts = new long[AccessOutcome.values().length][starts.size()];
        long first = starts.get(0).toEpochMilli();
        for (AuditEntry entry : entries) {
            int b = (int) ((entry.time().toEpochMilli() - first) / bucket.toMillis());
            counts[entry.event().getOutcome().ordinal()][b]++;
        }
        return counts;
    }

    /** Events in the window by outcome. */
    Map<AccessOutcome, Long> byOutcome() {
        Map<AccessOutcome, Long> counts = new EnumMap<>(AccessOutcome.class);
        entries.forEach(entry -> counts.merge(entry.event().getOutcome(), 1L, Long::sum));
        return counts;
    }

    /** Denied events ({@code outcome = DENIED}) by reason, most frequent first. */
    Map<String, Long> denialsByReason() {
        Map<String, Long> counts = new HashMap<>();
        entries.stream()
                .filter(entry -> entry.event().getOutcome() == AccessOutcome.DENIED)
                .forEach(entry -> counts.merge(orNone(entry.event().getReason()), 1L, Long::sum));
        return top(counts);
    }

    /** Access events by requester, each split by outcome; most active first. */
    Map<String, Map<AccessOutcome, Long>> accessesByRequester() {
        return accessesBy(AccessEvent::getRequester);
    }

    /** Access events by declared purpose, each split by outcome; most frequent first. */
    Map<String, Map<AccessOutcome, Long>> accessesByPurpose() {
        return accessesBy(AccessEvent::getPurpose);
    }

    List<AuditEntry> escrowOpens() {
        return entries.stream()
                .filter(entry -> entry.event().getType() == AccessEventType.ESCROW_OPENED)
                .toList();
    }

    List<AuditEntry> keyLifecycle() {
        return entries.stream()
                .filter(entry -> KEY_LIFECYCLE_TYPES.contains(entry.event().getType()))
                .toList();
    }

    long accesses() {
        return entries.stream()
                .filter(entry -> ACCESS_TYPES.contains(entry.event().getType()))
                .count();
    }

    long distinctRequesters() {
        return entries.stream()
                .filter(entry -> ACCESS_TYPES.contains(entry.event().getType()))
                .map(entry -> entry.event().getRequester())
                .distinct()
                .count();
    }

    private Map<String, Map<AccessOutcome, Long>> accessesBy(Function<AccessEvent, String> key) {
        Map<String, Map<AccessOutcome, Long>> counts = new HashMap<>();
        entries.stream()
                .filter(entry -> ACCESS_TYPES.contains(entry.event().getType()))
                .forEach(entry -> counts.computeIfAbsent(
                                orNone(key.apply(entry.event())), k -> new EnumMap<>(AccessOutcome.class))
                        .merge(entry.event().getOutcome(), 1L, Long::sum));
        List<Map.Entry<String, Map<AccessOutcome, Long>>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Map<AccessOutcome, Long>>comparingByValue((a, b) -> Long.compare(sum(b), sum(a)))
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Map<AccessOutcome, Long>> result = new LinkedHashMap<>();
        Map<AccessOutcome, Long> others = new EnumMap<>(AccessOutcome.class);
        for (int i = 0; i < sorted.size(); i++) {
            if (i < TOP) {
                result.put(sorted.get(i).getKey(), sorted.get(i).getValue());
            } else {
                sorted.get(i).getValue().forEach((outcome, n) -> others.merge(outcome, n, Long::sum));
            }
        }
        if (sorted.size() > TOP) {
            result.put("(" + (sorted.size() - TOP) + " others)", others);
        }
        return result;
    }

    private static Map<String, Long> top(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> result = new LinkedHashMap<>();
        long others = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < TOP) {
                result.put(sorted.get(i).getKey(), sorted.get(i).getValue());
            } else {
                others += sorted.get(i).getValue();
            }
        }
        if (sorted.size() > TOP) {
            result.put("(" + (sorted.size() - TOP) + " others)", others);
        }
        return result;
    }

    private static long sum(Map<AccessOutcome, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(none)" : value;
    }
}
