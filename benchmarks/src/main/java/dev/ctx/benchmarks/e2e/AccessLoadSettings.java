package dev.ctx.benchmarks.e2e;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One access-request benchmark run.
 *
 * @param name result name; the report goes to {@code <resultsDir>/<name>.json}
 * @param transactions sealed transactions the requests pick from (each participant is on every one)
 * @param clients concurrent keep-alive HTTPS clients
 * @param warmupSeconds load before each measured window, not measured
 * @param windowSeconds measured time per variant
 * @param resultsDir where the JSON report goes
 * @param workDir broker, key-service and state directories
 */
public record AccessLoadSettings(
        String name,
        int transactions,
        int clients,
        long warmupSeconds,
        long windowSeconds,
        Path resultsDir,
        Path workDir) {

    /** Validates the ranges. */
    public AccessLoadSettings {
        if (transactions < 1 || clients < 1) {
            throw new IllegalArgumentException("use at least one transaction and one client");
        }
        if (windowSeconds < 1 || warmupSeconds < 0) {
            throw new IllegalArgumentException("the window must be positive and the warm-up not negative");
        }
    }

    /** 64 clients, 2,000 transactions, 5 s warm-up and 20 s measured per variant. */
    public static AccessLoadSettings defaults(Path resultsDir, Path workDir) {
        return new AccessLoadSettings("access", 2_000, 64, 5, 20, resultsDir, workDir);
    }

    Duration warmup() {
        return Duration.ofSeconds(warmupSeconds);
    }

    Duration window() {
        return Duration.ofSeconds(windowSeconds);
    }
}
