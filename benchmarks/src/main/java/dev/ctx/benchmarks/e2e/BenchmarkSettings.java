package dev.ctx.benchmarks.e2e;

import java.nio.file.Path;

/**
 * One end-to-end run.
 *
 * @param name result name; the report goes to {@code <resultsDir>/<name>.json}
 * @param transactions transactions in the throughput phase
 * @param latencyTransactions transactions in each latency phase
 * @param latencyLoad latency phase rate as a share of the encryption topology's measured throughput
 * @param keyServiceOperations rotations (and ten times as many key reads) against the key service over HTTP
 * @param resultsDir where the JSON report goes
 * @param workDir broker and state directories (deleted afterwards)
 */
public record BenchmarkSettings(
        String name,
        int transactions,
        int latencyTransactions,
        double latencyLoad,
        int keyServiceOperations,
        Path resultsDir,
        Path workDir) {

    /** Validates the ranges. */
    public BenchmarkSettings {
        if (transactions < 100 || latencyTransactions < 100) {
            throw new IllegalArgumentException("use at least 100 transactions per phase");
        }
        if (latencyLoad <= 0 || latencyLoad > 1) {
            throw new IllegalArgumentException("latencyLoad must be within (0, 1], got " + latencyLoad);
        }
    }

    /** Finishes in well under a minute on a 2-core machine. */
    public static BenchmarkSettings quick(Path resultsDir, Path workDir) {
        return new BenchmarkSettings("quick", 5_000, 3_000, 0.5, 200, resultsDir, workDir);
    }

    /** The figures in BENCHMARKS.md. */
    public static BenchmarkSettings full(Path resultsDir, Path workDir) {
        return new BenchmarkSettings("full", 50_000, 20_000, 0.5, 1_000, resultsDir, workDir);
    }
}
