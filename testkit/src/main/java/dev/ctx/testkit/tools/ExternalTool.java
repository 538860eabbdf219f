package dev.ctx.testkit.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The one lookup of an external program a test needs (SoftHSM2, Node and npm, promtool and prometheus): its path from
 * a setting, a probe that it runs, and the decision when it does not. Without the tool the calling test is skipped,
 * unless the tool's {@code CTX_REQUIRE_*} environment variable is {@code 1} (set by {@code .ci/run}), which makes that
 * a failure; pointing the path setting at a missing file hides the tool (what {@code .ci/run}'s hidden runs do).
 *
 * <p>Call {@link #requireOrSkip} before the code under test (in {@code @BeforeEach} or first in the test), never inside
 * an assertion such as {@code assertThatThrownBy}: the skip is a {@code TestAbortedException}, which an assertion on
 * thrown exceptions would swallow. Stateless.
 */
public final class ExternalTool {

    private static final int PROBE_SECONDS = 30;

    private ExternalTool() {}

    /**
     * A setting: the system property {@code systemProperty}, else the environment variable {@code environmentVariable},
     * else {@code fallback} (a blank value counts as unset).
     */
    public static String setting(String environmentVariable, String systemProperty, String fallback) {
        String value = System.getProperty(systemProperty, System.getenv(environmentVariable));
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Whether {@code command} (typically {@code binary --version}) starts and exits 0 within 30 seconds. */
    public static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the environment variable {@code requireVariable} (e.g. {@code CTX_REQUIRE_NODE}) is {@code 1}. */
    public static boolean isRequired(String requireVariable) {
        return "1".equals(System.getenv(requireVariable));
    }

    /**
     * Does nothing when {@code available}; otherwise fails when {@code requireVariable} is {@code 1} and skips the test
     * when it is not.
     *
     * @param problem what is missing, e.g. {@code "node / npm do not run"}
     * @param hint how to provide it, e.g. {@code "CTX_NODE_BINARY / CTX_NPM_BINARY name the binaries"}
     * @throws IllegalStateException when the tool is required and missing
     */
    public static void requireOrSkip(String requireVariable, boolean available, String problem, String hint) {
        if (!available && isRequired(requireVariable)) {
            throw new IllegalStateException(requireVariable + "=1 but " + problem);
        }
        Assumptions.assumeTrue(available, problem + " (" + hint + "; set " + requireVariable + "=1 to require it)");
    }

    /**
     * Runs {@code command} in {@code directory} and returns the non-blank lines of its standard output.
     *
     * @throws IOException if it does not start, runs longer than {@code timeoutSeconds}, or exits non-zero (the
     *         message carries its standard error)
     */
    public static List<String> outputOf(Path directory, int timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        Path errors = Files.createTempFile("external-tool", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectError(errors.toFile())
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(errors));
            }
            return output.lines().filter(line -> !line.isBlank()).toList();
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
