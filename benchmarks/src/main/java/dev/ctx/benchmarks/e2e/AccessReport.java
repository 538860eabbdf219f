package dev.ctx.benchmarks.e2e;

import java.util.List;
import java.util.Locale;

/**
 * The results of one access-request run: per key-service instance (custodial key cache on, then off) the baseline
 * endpoint and the access path, each followed by the other, plus the audit-log check over the whole run.
 *
 * @param name run name
 * @param machine cores and JVM
 * @param settings what was run
 * @param loadAverageAtStart {@code /proc/loadavg} before the first variant
 * @param results pairs of (baseline, access) on the same server, cache on first
 * @param events granted answers against committed {@code ACCESS_GRANTED} events
 */
public record AccessReport(
        String name,
        String machine,
        AccessLoadSettings settings,
        String loadAverageAtStart,
        List<LoadResult> results,
        GrantedEventCheck events) {

    static final double TARGET_PER_SECOND = 5_000;
    static final long TARGET_P99_MICROS = 20_000;

    /** Access requests/s divided by the baseline's requests/s on the same server, for pair {@code pair}. */
    public double ratio(int pair) {
        return results.get(2 * pair + 1).perSecond() / results.get(2 * pair).perSecond();
    }

    /** Whether the access path with the default (cache on) settings met 5,000/s at p99 <= 20 ms. */
    public boolean targetMet() {
        LoadResult access = results.get(1);
        return access.perSecond() >= TARGET_PER_SECOND && access.latencyMicros().p99() <= TARGET_P99_MICROS;
    }

    /** A table for people, then the ratio, target and audit lines. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-26s %-30s %8s %8s %8s %8s %s%n",
                "variant",
                "request",
                "req/s",
                "p50 ms",
                "p99 ms",
                "p999 ms",
                "statuses (window) | load average"));
        for (LoadResult result : results) {
            Percentiles latency = result.latencyMicros();
            out.append(String.format(
                    Locale.ROOT,
                    "%-26s %-30s %8.0f %8.2f %8.2f %8.2f %s | %s%n",
                    result.variant(),
                    result.request(),
                    result.perSecond(),
                    latency.p50() / 1000.0,
                    latency.p99() / 1000.0,
                    latency.p999() / 1000.0,
                    result.statuses(),
                    result.loadAverage()));
        }
        for (int pair = 0; pair < results.size() / 2; pair++) {
            out.append(String.format(
                    Locale.ROOT,
                    "%s / baseline throughput ratio: %.3f%n",
                    results.get(2 * pair + 1).variant(),
                    ratio(pair)));
        }
        out.append(String.format(
                Locale.ROOT,
                "target >= %.0f req/s at p99 <= %d ms (cache on): %s%n",
                TARGET_PER_SECOND,
                TARGET_P99_MICROS / 1000,
                targetMet() ? "met" : "NOT met"));
        out.append(String.format(
                Locale.ROOT,
                "granted answers %d (event ids %d), committed ACCESS_GRANTED events %d, answers with exactly one event"
                        + " %d, events without an answer %d: %s",
                events.grantedAnswers(),
                events.answerEventIds(),
                events.grantedEvents(),
                events.answersWithExactlyOneEvent(),
                events.eventsWithoutAnswer(),
                events.exact() ? "exact" : "MISMATCH"));
        return out.toString();
    }
}
