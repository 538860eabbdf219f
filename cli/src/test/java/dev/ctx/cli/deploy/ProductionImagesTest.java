package dev.ctx.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The production images (Dockerfile targets {@code processor} and {@code key-service}) run the service's own jar and
 * lib directory, never the developer CLI; the Kubernetes and compose manifests call them that way.
 */
class ProductionImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"processor", "key-service"})
    void theImageCopiesOnlyTheServiceArtifactAndRunsItsJar(String service) throws IOException {
        // Given
        Map<String, List<String>> stages = stages();

        // When
        List<String> stage = stages.get(service);

        // Then
        assertThat(stage)
                .filteredOn(line -> line.startsWith("COPY"))
                .isNotEmpty()
                .allMatch(line -> line.startsWith("COPY --from=build /src/" + service + "/target/"));
        assertThat(String.join("\n", stage))
                .doesNotContain("ctx-cli", "testkit", "benchmarks", "dev.ctx.cli")
                .contains("\"-jar\", \"/opt/ctx/ctx-" + service + ".jar\"]");
        assertThat(stages.get("build"))
                .anyMatch(line -> line.startsWith("RUN ./mvnw")
                        && line.contains("-pl processor,key-service ")
                        && !line.contains("cli"));
    }

    @ParameterizedTest
    @CsvSource({"processor, processor-deployment.yaml", "key-service, key-service-statefulset.yaml"})
    void theKubernetesWorkloadRunsTheServiceImageWithConfigArguments(String service, String workload) {
        // When
        JsonNode container = DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("k8s/base/" + workload))
                .get(0)
                .at("/spec/template/spec/containers/0");

        // Then: the image's ENTRYPOINT is the service's main, so the arguments are its own, not a CLI subcommand
        assertThat(container.path("image").asText()).startsWith("ghcr.io/ctx/ctx-" + service + ":");
        assertThat(container.path("args").get(0).asText()).isEqualTo("--config");
    }

    @ParameterizedTest
    @ValueSource(strings = {"processor", "key-service"})
    void theComposeServiceBuildsTheServiceTarget(String service) {
        // When
        JsonNode compose = DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("compose/compose.yaml"))
                .get(0)
                .path("services")
                .path(service);

        // Then
        assertThat(compose.at("/build/target").asText()).isEqualTo(service);
        assertThat(compose.path("command").get(0).asText()).isEqualTo("--config");
    }

    /** The Dockerfile's instructions by stage name ({@code FROM ... AS name}), comments and blank lines dropped. */
    @Test
    void theBuildStageCopiesEveryModuleOfTheRootPom() throws IOException {
        // Given
        Matcher modules =
                Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(Path.of("..", "pom.xml")));
        List<String> expected = new ArrayList<>();
        while (modules.find()) {
            expected.add("COPY " + modules.group(1) + " " + modules.group(1));
        }

        // Then: a module missing from the image's source tree breaks the reactor build there
        assertThat(expected).isNotEmpty();
        assertThat(stages().get("build")).containsAll(expected);
    }

    private static Map<String, List<String>> stages() throws IOException {
        Map<String, List<String>> stages = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(DeployFiles.ROOT.resolve("docker/Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("FROM ")) {
                current = new ArrayList<>();
                stages.put(trimmed.substring(trimmed.lastIndexOf(' ') + 1), current);
            }
            current.add(trimmed);
        }
        return stages;
    }
}
