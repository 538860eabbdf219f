package dev.ctx.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.benchmarks.e2e.AccessBenchmark;
import dev.ctx.benchmarks.e2e.AccessLoadSettings;
import dev.ctx.benchmarks.e2e.AccessReport;
import dev.ctx.benchmarks.e2e.BenchmarkReport;
import dev.ctx.benchmarks.e2e.BenchmarkSettings;
import dev.ctx.benchmarks.e2e.EndToEndBenchmark;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.demo.RotationBenchmark;

/** Runs the end-to-end benchmark in this JVM on an embedded broker and prints the table. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "End-to-end benchmark: the encryption topology against a pass-through baseline.",
            "Runs in one JVM on an embedded broker, both topologies on the same generated input (3 participants +",
            "escrow, ~400-byte confidential part, exactly_once_v2). Prints throughput, latency at 50% of the",
            "encryption rate and CPU per 1,000 transactions, writes benchmarks/results/<name>.json; the last line is",
            "the throughput ratio.",
            "With --access: access requests over HTTPS against a real key service instead (see BENCHMARKS.md).",
            "With --rotation: the key-rotation job from rotation to retirement (see BENCHMARKS.md)."
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "A short run (5,000 + 2 x 3,000 transactions, under a minute).")
    boolean quick;

    @Option(names = "--name", description = "Result name (default: quick or full).")
    String name;

    @Option(names = "--transactions", description = "Transactions in the throughput phase (overrides the preset).")
    Integer transactions;

    @Option(
            names = "--access",
            description = "Benchmark POST /v1/access-requests over HTTPS (64 keep-alive clients, cache on and off,"
                    + " against an authenticated GET baseline) instead of the topologies.")
    boolean access;

    @Option(
            names = "--rotation",
            description = "Benchmark the key-rotation job: seal --transactions (default 50,000) transactions of one"
                    + " participant, rotate it, measure until the job retired the old version (BENCHMARKS.md).")
    boolean rotation;

    @Option(
            names = "--rewrap-interval-ms",
            description = "With --rotation: rewrap.interval.ms of the job (default 100).")
    long rewrapIntervalMs = 100;

    @Option(names = "--seconds", description = "With --access: measured seconds per variant (default 20).")
    int seconds = 20;

    @Option(names = "--warmup-seconds", description = "With --access: warm-up seconds per variant (default 5).")
    int warmupSeconds = 5;

    @Option(names = "--clients", description = "With --access: concurrent keep-alive clients (default 64).")
    int clients = 64;

    @Override
    public Integer call() throws Exception {
        Path results = Path.of(System.getProperty("ctx.home", "."), "benchmarks", "results");
        Path work = Files.createTempDirectory("ctx-bench");
        if (access) {
            return access(results, work);
        }
        if (rotation) {
            String table = RotationBenchmark.run(
                    new RotationBenchmark.Settings(
                            transactions != null ? transactions : 50_000, rewrapIntervalMs, 500, results, work),
                    spec.commandLine().getErr());
            spec.commandLine().getErr().println("ctx bench: wrote " + results.resolve("rotation.json"));
            spec.commandLine().getOut().println(table);
            return ExitCodes.OK;
        }
        BenchmarkSettings preset =
                quick ? BenchmarkSettings.quick(results, work) : BenchmarkSettings.full(results, work);
        BenchmarkSettings settings = new BenchmarkSettings(
                name != null ? name : preset.name(),
                transactions != null ? transactions : preset.transactions(),
                preset.latencyTransactions(),
                preset.latencyLoad(),
                preset.keyServiceOperations(),
                results,
                work);
        spec.commandLine()
                .getErr()
                .println("ctx bench: running '" + settings.name() + "' (" + settings.transactions()
                        + " transactions per pipeline) ...");
        BenchmarkReport report = EndToEndBenchmark.run(settings);
        spec.commandLine().getErr().println("ctx bench: wrote " + results.resolve(settings.name() + ".json"));
        spec.commandLine().getOut().println(report.table());
        return ExitCodes.OK;
    }

    private Integer access(Path results, Path work) throws Exception {
        AccessLoadSettings preset = AccessLoadSettings.defaults(results, work);
        AccessLoadSettings settings = new AccessLoadSettings(
                name != null ? name : preset.name(),
                transactions != null ? transactions : preset.transactions(),
                clients,
                warmupSeconds,
                seconds,
                results,
                work);
        spec.commandLine()
                .getErr()
                .println("ctx bench: access requests '" + settings.name() + "' (" + settings.clients() + " clients, "
                        + seconds + " s per variant after " + warmupSeconds + " s warm-up) ...");
        AccessReport report = AccessBenchmark.run(settings);
        spec.commandLine().getErr().println("ctx bench: wrote " + results.resolve(settings.name() + ".json"));
        spec.commandLine().getOut().println(report.table());
        return ExitCodes.OK;
    }
}
