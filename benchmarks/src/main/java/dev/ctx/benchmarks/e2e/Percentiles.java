package dev.ctx.benchmarks.e2e;

import java.util.Arrays;

/**
 * Latency percentiles, in the unit the holder names (milliseconds end to end, microseconds per HTTP call).
 *
 * @param p50 median
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max largest value
 * @param samples number of values
 */
record Percentiles(long p50, long p99, long p999, long max, int samples) {

    static Percentiles of(long[] values, int length) {
        if (length == 0) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(values, length);
        Arrays.sort(sorted);
        return new Percentiles(at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), sorted[length - 1], length);
    }

    private static long at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
