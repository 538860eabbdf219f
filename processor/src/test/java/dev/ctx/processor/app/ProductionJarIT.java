package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.testkit.artifact.ProductionArtifact;

/** The packaged {@code target/ctx-processor.jar} + {@code target/lib/}: what the processor image runs. */
class ProductionJarIT {

    private final ProductionArtifact artifact = ProductionArtifact.inTarget("ctx-processor");

    @TempDir
    Path dir;

    @Test
    void libHoldsTheRuntimeClasspathWithoutTestSupportJmhOrTheEmbeddedBroker() {
        // When
        List<String> jars = artifact.libJarNames();

        // Then
        assertThat(jars).anyMatch(name -> name.startsWith("kafka-streams-"))
                .anyMatch(name -> name.startsWith("ctx-envelope-"));
        assertThat(artifact.testOnlyJars()).isEmpty();
    }

    @Test
    void noJarHoldsTheInProcessTestRegistry() {
        assertThat(artifact.jarsHoldingClass("dev.ctx.schemas.registry.InMemorySchemaRegistry")).isEmpty();
        assertThat(artifact.jarsHoldingClass("dev.ctx.schemas.registry.MockSchemaRegistry")).isEmpty();
        assertThat(artifact.jarsHoldingClass("dev.ctx.schemas.registry.SchemaRegistryClient")).hasSize(1);
    }

    @Test
    void javaJarRefusesAMockRegistryWithAClearMessage() throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("processor.properties"),
                "bootstrap.servers=127.0.0.1:9\nschema.registry.url=mock://prod\n" + TestKeyrings.pinsProperties());

        // When
        ProductionArtifact.Exit exit = artifact.run(List.of(), List.of("--config", file.toString()), dir, 60);

        // Then: the manifest class path loads the main and its configuration; mock:// stops it as a usage error
        assertThat(exit.code()).isEqualTo(ProcessorMain.EXIT_USAGE);
        assertThat(exit.output()).contains("schema.registry.url is a mock:// URL").contains("demo and benchmarks only");
    }
}
