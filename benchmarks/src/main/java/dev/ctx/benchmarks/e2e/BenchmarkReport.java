package dev.ctx.benchmarks.e2e;

import java.util.List;
import java.util.Locale;

/**
 * The results of one run: the baseline first, then the encryption topology.
 *
 * @param name run name
 * @param machine cores and JVM
 * @param settings what was run
 * @param results one entry per pipeline
 * @param keyService key-service operations over HTTP
 */
public record BenchmarkReport(
        String name,
        String machine,
        BenchmarkSettings settings,
        List<PipelineResult> results,
        List<KeyServiceLoad.OperationResult> keyService) {

    /** Encryption (per-transaction wraps) throughput divided by pass-through throughput. */
    public double throughputRatio() {
        return results.get(1).throughputPerSecond() / results.get(0).throughputPerSecond();
    }

    /** Encryption with epoch wraps throughput divided by pass-through throughput (NaN if not measured). */
    public double epochThroughputRatio() {
        return results.stream()
                .filter(r -> r.pipeline().equals("encrypt-epoch"))
                .findFirst()
                .map(r -> r.throughputPerSecond() / results.get(0).throughputPerSecond())
                .orElse(Double.NaN);
    }

    /** Encryption p99 minus pass-through p99 after the warm-up, in milliseconds, at the same input rate. */
    public long addedP99Millis() {
        return results.get(1).latencyMillis().p99()
                - results.get(0).latencyMillis().p99();
    }

    /** A table for people, ending with the ratio lines that scripts read (the epoch-mode ratio last). */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-12s %12s %10s %8s %8s %8s %12s %10s%n",
                "pipeline",
                "txn/s",
                "rate/s",
                "p50 ms",
                "p99 ms",
                "p999 ms",
                "warmup p99",
                "cpu s/1k"));
        for (PipelineResult result : results) {
            Percentiles latency = result.latencyMillis();
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %12.0f %10.0f %8d %8d %8d %12d %10.3f%n",
                    result.pipeline(),
                    result.throughputPerSecond(),
                    result.latencyRatePerSecond(),
                    latency.p50(),
                    latency.p99(),
                    latency.p999(),
                    result.warmupLatencyMillis().p99(),
                    result.cpuSecondsPer1000()));
        }
        for (KeyServiceLoad.OperationResult operation : keyService) {
            out.append(String.format(
                    Locale.ROOT,
                    "key service %-10s %8.0f ops/s with %d clients, p50 %.1f ms, p99 %.1f ms%n",
                    operation.operation(),
                    operation.perSecond(),
                    operation.clients(),
                    operation.latencyMicros().p50() / 1000.0,
                    operation.latencyMicros().p99() / 1000.0));
        }
        out.append(String.format(Locale.ROOT, "added p99 latency (encrypt - passthrough): %d ms%n", addedP99Millis()));
        out.append(String.format(Locale.ROOT, "encrypt/passthrough throughput ratio: %.2f%n", throughputRatio()));
        out.append(
                String.format(Locale.ROOT, "encrypt-epoch/passthrough throughput ratio: %.2f", epochThroughputRatio()));
        return out.toString();
    }
}
