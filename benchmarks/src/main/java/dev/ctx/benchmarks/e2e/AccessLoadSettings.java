package dev.ctx.benchmarks.e2e;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One access-request benchmark run.
 *
 * @param name result name; the report goes to {@code <resultsDir>/<name>.json}
 * @param transactions sealed transactions the requests pick from (each participant is on every one)
 * @param clients concurrent keep-alive HTTPS clients
 * @param warmup load before each measured window, not measured
 * @param window measured time per variant
 * @param resultsDir where the JSON report goes
 * @param workDir broker, key-service and state directories
 */
public record AccessLoadSettings(
        String name, int transactions, int clients, Duration warmup, Duration window, Path resultsDir, Path workDir) {

    /** Validates the ranges. */
    public AccessLoadSettings {
        if (transactions < 1 || clients < 1) {
            throw new IllegalArgumentException("use at least one transaction and one client");
        }
        if (window.isZero() || window.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException("the window must be positive and the warm-up not negative");
        }
    }

    /** 64 clients, 2,000 transactions, 5 s warm-up and 20 s measured per variant. */
    public static AccessLoadSettings defaults(Path resultsDir, Path workDir) {
        return new AccessLoadSettings(
                "access", 2_000, 64, Duration.ofSeconds(5), Duration.ofSeconds(20), resultsDir, workDir);
    }
}
