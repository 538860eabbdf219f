package dev.ctx.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module's resolved runtime classpath, transitive dependencies included, as maven-dependency-plugin's
 * {@code list} goal wrote it to {@code target/runtime-classpath.txt} ({@code groupId:artifactId:type:version:scope}
 * per line): what a consumer's build pulls in with {@code ctx-client}.
 */
class ClientRuntimeClasspathTest {

    private static final Path CLASSPATH_FILE = Path.of("target", "runtime-classpath.txt");

    @Test
    void holdsTheSchemasTheEnvelopeAndJackson() throws IOException {
        assertThat(artifacts())
                .contains(
                        "dev.ctx:ctx-schemas:jar",
                        "dev.ctx:ctx-envelope:jar",
                        "com.fasterxml.jackson.core:jackson-databind:jar");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "org.apache.kafka:kafka-streams",
                "io.micrometer:",
                "org.eclipse.jetty",
                "io.javalin:",
                "dev.ctx:ctx-testkit",
                "org.openjdk.jmh:",
                "org.apache.kafka:kafka_2.13",
                "org.testcontainers:",
                "com.tngtech.archunit:",
                "org.junit",
                "dev.ctx:ctx-processor",
                "dev.ctx:ctx-key-service"
            })
    void holdsNo(String artifact) throws IOException {
        assertThat(artifacts())
                .noneMatch(coordinates -> coordinates.startsWith(artifact))
                .noneMatch(coordinates -> coordinates.contains(":test-jar"));
    }

    /** {@code groupId:artifactId:type} of every resolved runtime dependency. */
    private static List<String> artifacts() throws IOException {
        assertThat(CLASSPATH_FILE)
                .as("written by the runtime-classpath execution of the pom")
                .exists();
        List<String> artifacts = Files.readAllLines(CLASSPATH_FILE).stream()
                .map(String::trim)
                .filter(line -> line.split(":").length >= 5)
                .map(line -> line.split(" ")[0])
                .map(coordinates ->
                        String.join(":", List.of(coordinates.split(":")).subList(0, 3)))
                .toList();
        assertThat(artifacts).as("runtime classpath").hasSizeGreaterThan(5);
        return artifacts;
    }
}
