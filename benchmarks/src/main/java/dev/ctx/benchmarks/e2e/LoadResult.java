package dev.ctx.benchmarks.e2e;

import java.util.Map;

/**
 * One measured load variant.
 *
 * @param variant e.g. {@code access, cache on}
 * @param request method and path
 * @param clients concurrent keep-alive clients
 * @param seconds length of the measured window (after the warm-up)
 * @param requests requests started in the window
 * @param perSecond {@code requests / seconds}
 * @param latencyMicros per-request latency in microseconds, measured window only
 * @param statuses requests by HTTP status in the window ({@code 0}: transport error, no status)
 * @param grantedIncludingWarmup {@code 200} answers of the whole variant, warm-up included
 * @param loadAverage {@code /proc/loadavg} (1, 5, 15 min) at the end of the window
 */
record LoadResult(
        String variant,
        String request,
        int clients,
        double seconds,
        long requests,
        double perSecond,
        Percentiles latencyMicros,
        Map<Integer, Long> statuses,
        long grantedIncludingWarmup,
        String loadAverage) {}
