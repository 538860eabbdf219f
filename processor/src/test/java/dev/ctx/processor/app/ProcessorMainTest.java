package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.processor.testing.TestKeyrings;

class ProcessorMainTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void exitsWithUsageOnAnUnknownArgument() throws Exception {
        // When
        int exit = run("--verbose");

        // Then
        assertThat(exit).isEqualTo(ProcessorMain.EXIT_USAGE);
        assertThat(printed()).contains("usage: ctx processor");
    }

    @Test
    void exitsNamingTheKeyOfAnInvalidValue() throws Exception {
        // Given
        Path file = Files.writeString(
                dir.resolve("p.properties"),
                "bootstrap.servers=127.0.0.1:9092\nschema.registry.url=mock://x\nencryption.mode=never\n"
                        + TestKeyrings.pinsProperties());

        // When
        int exit = run("--config", file.toString());

        // Then
        assertThat(exit).isEqualTo(ProcessorMain.EXIT_USAGE);
        assertThat(printed()).contains("invalid configuration").contains("encryption.mode");
    }

    @Test
    void refusesAnInProcessMockRegistryNamingTheKey() throws Exception {
        // Given: an otherwise valid configuration on a mock:// registry
        Path file = Files.writeString(
                dir.resolve("p.properties"),
                "bootstrap.servers=127.0.0.1:9\nschema.registry.url=mock://prod\n" + TestKeyrings.pinsProperties());

        // When
        int exit = run("--config", file.toString());

        // Then: refused before anything starts
        assertThat(exit).isEqualTo(ProcessorMain.EXIT_USAGE);
        assertThat(printed())
                .contains("invalid configuration")
                .contains("schema.registry.url")
                .contains("mock://")
                .contains("demo and benchmarks only");
    }

    @Test
    void refusesAMockRegistryEvenWhenOnlyTheEnvironmentNamesIt() throws Exception {
        // Given: the file names a real registry; the CTX_ environment overrides it with mock://
        Path file = Files.writeString(
                dir.resolve("p.properties"),
                "bootstrap.servers=127.0.0.1:9\nschema.registry.url=http://registry:8081\n"
                        + TestKeyrings.pinsProperties());

        // When
        int exit = ProcessorMain.run(
                new String[] {"--config", file.toString()},
                Map.of("CTX_SCHEMA_REGISTRY_URL", "mock://env"),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // Then
        assertThat(exit).isEqualTo(ProcessorMain.EXIT_USAGE);
        assertThat(printed()).contains("mock://");
    }

    @Test
    void acceptsTheEqualsFormAndReadsTheEnvironment() throws IOException {
        // Given
        Path file = Files.writeString(
                dir.resolve("p.properties"), "schema.registry.url=mock://x\n" + TestKeyrings.pinsProperties());

        // When
        var config = ProcessorMain.configFrom(
                new String[] {"--config=" + file},
                Map.of("CTX_BOOTSTRAP_SERVERS", "kafka:9092"),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // Then
        assertThat(config)
                .hasValueSatisfying(c -> assertThat(c.bootstrapServers()).isEqualTo("kafka:9092"));
    }

    private int run(String... args) throws InterruptedException {
        return ProcessorMain.run(args, Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
