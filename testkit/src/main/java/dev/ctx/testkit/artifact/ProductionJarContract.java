package dev.ctx.testkit.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks every production artifact ({@code target/<name>.jar} + {@code target/lib/}, what an image runs) passes:
 * its {@code lib/} holds its runtime classpath and no test support, no jar holds the in-process test registry, and
 * {@code java -jar} refuses a {@code mock://} registry with a clear message. A module's {@code ProductionJarIT}
 * extends it and names its artifact with {@link #artifact()}.
 */
public abstract class ProductionJarContract {

    @TempDir
    Path dir;

    /** What this module's artifact is and how it refuses a {@code mock://} registry. */
    protected abstract Expectations artifact();

    @Test
    void libHoldsTheRuntimeClasspathWithoutTestSupportJmhOrTheEmbeddedBroker() {
        // Given
        Expectations expected = artifact();

        // When
        List<String> jars = expected.artifact().libJarNames();

        // Then
        for (String prefix : expected.libJarPrefixes()) {
            assertThat(jars).anyMatch(name -> name.startsWith(prefix));
        }
        assertThat(expected.artifact().testOnlyJars()).isEmpty();
    }

    @Test
    void noJarHoldsTheInProcessTestRegistry() {
        ProductionArtifact artifact = artifact().artifact();
        assertThat(artifact.jarsHoldingClass("dev.ctx.schemas.schemaregistry.InMemorySchemaRegistry"))
                .isEmpty();
        assertThat(artifact.jarsHoldingClass("dev.ctx.schemas.schemaregistry.MockSchemaRegistry"))
                .isEmpty();
        assertThat(artifact.jarsHoldingClass("dev.ctx.schemas.schemaregistry.SchemaRegistryClient"))
                .hasSize(1);
    }

    @Test
    void javaJarRefusesAMockRegistryWithAClearMessage() throws Exception {
        // Given
        Expectations expected = artifact();
        Path file = Files.writeString(dir.resolve("production.properties"), expected.mockRegistryConfig());

        // When
        ProductionArtifact.Exit exit =
                expected.artifact().run(expected.jvmOptions(), List.of("--config", file.toString()), dir, 60);

        // Then: the manifest class path loads the main and its configuration; mock:// stops it as a usage error
        assertThat(exit.code()).isEqualTo(expected.usageExitCode());
        for (String message : expected.refusalMessages()) {
            assertThat(exit.output()).contains(message);
        }
    }

    /**
     * A module's artifact and what it must show.
     *
     * @param artifact the packaged jar, e.g. {@code ProductionArtifact.inTarget("ctx-processor")}
     * @param libJarPrefixes file-name prefixes of jars its {@code lib/} must hold
     * @param jvmOptions options for {@code java -jar}
     * @param mockRegistryConfig a configuration file the config definition accepts, with a {@code mock://} registry
     * @param usageExitCode the exit code of a usage (configuration) error
     * @param refusalMessages what the refusal prints
     */
    public record Expectations(
            ProductionArtifact artifact,
            List<String> libJarPrefixes,
            List<String> jvmOptions,
            String mockRegistryConfig,
            int usageExitCode,
            List<String> refusalMessages) {}
}
