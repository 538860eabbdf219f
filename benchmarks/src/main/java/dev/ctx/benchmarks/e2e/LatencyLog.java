package dev.ctx.benchmarks.e2e;

import java.util.Arrays;
import java.util.List;

/** A growable array of latencies recorded by one load thread; merged into {@link Percentiles} at the end. */
final class LatencyLog {

    private long[] values = new long[1 << 14];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** The percentiles of every value of every log. */
    static Percentiles merged(List<LatencyLog> logs) {
        int total = logs.stream().mapToInt(LatencyLog::size).sum();
        long[] all = new long[total];
        int at = 0;
        for (LatencyLog log : logs) {
            System.arraycopy(log.values, 0, all, at, log.size);
            at += log.size;
        }
        return Percentiles.of(all, total);
    }
}
