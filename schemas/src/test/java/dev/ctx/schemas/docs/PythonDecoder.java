package dev.ctx.schemas.docs;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs {@code docs/examples/decode_golden.py} (Python 3, standard library only). Without a Python 3 the calling test
 * is skipped, unless {@code CTX_REQUIRE_PYTHON=1} (set by CI) makes that a failure. The executable is {@code python3}
 * from the PATH unless {@code CTX_PYTHON_BINARY} (or the system property {@code ctx.python.binary}) names another;
 * pointing it at a missing file hides Python.
 *
 * <p>A copy of the conventions of testkit's {@code dev.ctx.testkit.tools.ExternalTool} on purpose: schemas cannot
 * depend on testkit (testkit depends on schemas). Keep the two in step.
 */
final class PythonDecoder {

    /** The repository root, seen from the module directory the tests run in. */
    static final Path ROOT = Path.of("..");

    private static final Path SCRIPT = ROOT.resolve("docs/examples/decode_golden.py");
    private static final String PYTHON = setting("CTX_PYTHON_BINARY", "ctx.python.binary", "python3");

    private PythonDecoder() {}

    /** Skips (or, when required, fails) unless a Python 3 runs. Call first in the test, never inside an assertion. */
    static void requireInstalled() throws InterruptedException {
        boolean required = "1".equals(System.getenv("CTX_REQUIRE_PYTHON"));
        boolean available;
        try {
            available = run(List.of(PYTHON, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 6) else 1)"))
                    .isEmpty();
        } catch (IOException e) {
            available = false;
        }
        if (!available && required) {
            throw new IllegalStateException("CTX_REQUIRE_PYTHON=1 but " + PYTHON + " does not run");
        }
        assumeThat(available)
                .as(PYTHON + " runs (CTX_PYTHON_BINARY; set CTX_REQUIRE_PYTHON=1 to require it)")
                .isTrue();
    }

    /** Decodes {@code file} (relative to the repository root) as {@code layout} and returns the script's JSON. */
    static JsonNode decode(String layout, String file) throws IOException, InterruptedException {
        String output = run(
                List.of(PYTHON, SCRIPT.toString(), layout, ROOT.resolve(file).toString()));
        return new ObjectMapper().readTree(output);
    }

    private static String setting(String environmentVariable, String systemProperty, String fallback) {
        String value = System.getProperty(systemProperty, System.getenv(environmentVariable));
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("python-decoder", ".err");
        try {
            Process process =
                    new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(errors));
            }
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
