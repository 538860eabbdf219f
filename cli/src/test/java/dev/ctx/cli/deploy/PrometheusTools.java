package dev.ctx.cli.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ctx.testkit.tools.ExternalTool;

/**
 * Finds the real {@code promtool} and {@code prometheus} binaries (Debian's {@code prometheus} package, which
 * {@code .ci/run} installs). Without them the calling test is skipped, unless {@code CTX_REQUIRE_PROMETHEUS=1} (CI)
 * makes that a failure.
 *
 * <p>The executables are {@code promtool} and {@code prometheus} from the PATH unless the environment variables
 * {@code CTX_PROMTOOL_BINARY} / {@code CTX_PROMETHEUS_BINARY} (or the system properties {@code ctx.promtool.binary} /
 * {@code ctx.prometheus.binary}) name others; pointing them at a missing file hides Prometheus.
 *
 * <p>Call {@link #promtool()} / {@link #prometheus()} before the code under test, never inside an assertion: the
 * skip is a {@code TestAbortedException}.
 */
public final class PrometheusTools {

    private static final String PROMTOOL =
            ExternalTool.setting("CTX_PROMTOOL_BINARY", "ctx.promtool.binary", "promtool");
    private static final String PROMETHEUS =
            ExternalTool.setting("CTX_PROMETHEUS_BINARY", "ctx.prometheus.binary", "prometheus");

    private PrometheusTools() {}

    /** The promtool executable; skips (or, when required, fails) the test unless it runs. */
    public static String promtool() {
        return require(PROMTOOL);
    }

    /** The prometheus server executable; skips (or, when required, fails) the test unless it runs. */
    public static String prometheus() {
        return require(PROMETHEUS);
    }

    private static String require(String binary) {
        ExternalTool.requireOrSkip(
                "CTX_REQUIRE_PROMETHEUS",
                ExternalTool.runs(binary, "--version"),
                binary + " --version does not run",
                "apt-get install -y prometheus; CTX_PROMTOOL_BINARY / CTX_PROMETHEUS_BINARY name the binaries");
        return binary;
    }

    /** The outcome of one command: exit status and its standard output and error, interleaved. */
    public record Result(int exitCode, String output) {}

    /** Runs a command in {@code directory} and waits for it, at most {@code timeoutSeconds}. */
    public static Result run(Path directory, int timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("prometheus-tools", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Starts a long-running command whose output goes to {@code log}. */
    public static Process start(Path directory, Path log, List<String> command) throws IOException {
        return new ProcessBuilder(new ArrayList<>(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
