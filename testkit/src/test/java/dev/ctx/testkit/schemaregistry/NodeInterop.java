package dev.ctx.testkit.schemaregistry;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import dev.ctx.testkit.tools.ExternalTool;

/**
 * Runs {@code src/test/node/interop.js} with {@code node} after {@code npm ci} into {@code target/node-interop}.
 * Without {@code node} on the PATH the calling test is skipped, unless {@code CTX_REQUIRE_NODE=1} (set by CI) makes
 * that a failure.
 *
 * <p>The executables are {@code node} and {@code npm} from the PATH unless the environment variables
 * {@code CTX_NODE_BINARY} / {@code CTX_NPM_BINARY} (or the system properties {@code ctx.node.binary} /
 * {@code ctx.npm.binary}) name others; pointing {@code CTX_NODE_BINARY} at a missing file hides Node.
 *
 * <p>Call {@link #requireInstalled()} before the code under test (in {@code @BeforeEach} or first in the test), never
 * inside an assertion: the skip is a {@code TestAbortedException}.
 */
final class NodeInterop {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path WORK = Path.of("target", "node-interop");
    private static final String NODE = ExternalTool.setting("CTX_NODE_BINARY", "ctx.node.binary", "node");
    private static final String NPM = ExternalTool.setting("CTX_NPM_BINARY", "ctx.npm.binary", "npm");
    private static final String REQUIRE = "CTX_REQUIRE_NODE";

    private NodeInterop() {}

    /** Skips (or, when required, fails) unless node and npm run; installs the npm client once. */
    static void requireInstalled() throws IOException, InterruptedException {
        ExternalTool.requireOrSkip(
                REQUIRE,
                ExternalTool.runs(NODE, "--version") && ExternalTool.runs(NPM, "--version"),
                NODE + " / " + NPM + " do not run",
                "CTX_NODE_BINARY / CTX_NPM_BINARY name the binaries");
        try {
            installClient();
        } catch (IOException e) {
            if (ExternalTool.isRequired(REQUIRE)) {
                throw e;
            }
            assumeThat(e)
                    .as("npm ci of the interop client (offline?); CTX_REQUIRE_NODE=1 makes this fail")
                    .isNull();
        }
        Files.copy(SOURCES.resolve("interop.js"), WORK.resolve("interop.js"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void installClient() throws IOException, InterruptedException {
        if (Files.isDirectory(WORK.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
            return;
        }
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        ExternalTool.outputOf(WORK, 300, List.of(NPM, "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
    }

    /** Runs {@code node interop.js args...} and returns its standard output lines. */
    static List<String> interop(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(NODE, "interop.js"));
        command.addAll(List.of(args));
        return ExternalTool.outputOf(WORK, 60, command);
    }
}
