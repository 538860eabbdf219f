package dev.ctx.envelope;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/interop.js} (HPKE with {@code @hpke/core}) with {@code node} after {@code npm ci} into
 * {@code target/node-hpke-interop}; the conventions of testkit's {@code NodeInterop}.
 * Without {@code node} on the PATH the calling test is skipped, unless {@code CTX_REQUIRE_NODE=1} (set by CI) makes
 * that a failure.
 *
 * <p>The executables are {@code node} and {@code npm} from the PATH unless the environment variables
 * {@code CTX_NODE_BINARY} / {@code CTX_NPM_BINARY} (or the system properties {@code ctx.node.binary} /
 * {@code ctx.npm.binary}) name others; pointing {@code CTX_NODE_BINARY} at a missing file hides Node.
 *
 * <p>Call {@link #requireInstalled()} before the code under test (in {@code @BeforeEach} or first in the test), never
 * inside an assertion: the skip is a {@code TestAbortedException}.
 *
 * <p>A copy of the conventions of testkit's {@code dev.ctx.testkit.tools.ExternalTool} on purpose: envelope cannot
 * depend on testkit (testkit depends on schemas, which depends on envelope), and the test stays here because it opens
 * the DEKs through the package-private {@code Dek}. Keep the two in step.
 */
final class NodeHpke {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path WORK = Path.of("target", "node-hpke-interop");
    private static final String NODE = setting("CTX_NODE_BINARY", "ctx.node.binary", "node");
    private static final String NPM = setting("CTX_NPM_BINARY", "ctx.npm.binary", "npm");

    private NodeHpke() {}

    /** Skips (or, when required, fails) unless node and npm run; installs @hpke/core and @hpke/dhkem-x25519 once. */
    static void requireInstalled() throws IOException, InterruptedException {
        boolean required = "1".equals(System.getenv("CTX_REQUIRE_NODE"));
        boolean available = runs(NODE, "--version") && runs(NPM, "--version");
        if (!available && required) {
            throw new IllegalStateException("CTX_REQUIRE_NODE=1 but " + NODE + " / " + NPM + " do not run");
        }
        assumeThat(available)
                .as(NODE + " and " + NPM + " run (CTX_NODE_BINARY / CTX_NPM_BINARY; set CTX_REQUIRE_NODE=1"
                        + " to require them)")
                .isTrue();
        try {
            installClient();
        } catch (IOException e) {
            if (required) {
                throw e;
            }
            assumeThat(e)
                    .as("npm ci of @hpke/core (offline?); CTX_REQUIRE_NODE=1 makes this fail")
                    .isNull();
        }
        Files.copy(SOURCES.resolve("interop.js"), WORK.resolve("interop.js"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void installClient() throws IOException, InterruptedException {
        if (Files.isDirectory(WORK.resolve("node_modules/@hpke/dhkem-x25519"))) {
            return;
        }
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(WORK, 300, NPM, "ci", "--no-audit", "--no-fund", "--ignore-scripts");
    }

    /** Runs {@code node interop.js args...} and returns its standard output lines. */
    static List<String> interop(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(NODE, "interop.js"));
        command.addAll(List.of(args));
        return run(WORK, 60, command.toArray(String[]::new));
    }

    private static String setting(String environmentVariable, String systemProperty, String fallback) {
        String value = System.getProperty(systemProperty, System.getenv(environmentVariable));
        return value == null || value.isBlank() ? fallback : value;
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            run(Path.of("."), 30, command);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> run(Path directory, int timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Path errors = Files.createTempFile("node-hpke-interop", ".err");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectError(errors.toFile())
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        String stderr = Files.readString(errors);
        Files.deleteIfExists(errors);
        if (!exited) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " timed out");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + stderr);
        }
        return output.lines().filter(line -> !line.isBlank()).toList();
    }
}
