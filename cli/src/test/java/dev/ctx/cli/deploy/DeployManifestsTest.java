package dev.ctx.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.keyservice.config.KeyServiceConfig;
import dev.ctx.keyservice.config.KeyServiceConfigDef;
import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.config.ProcessorConfigLoader;

/**
 * What CI can check of deploy/ without a cluster: it parses, kustomize's references resolve, topics match the design.
 */
class DeployManifestsTest {

    private static final Map<String, String> CLEANUP_POLICY = Map.ofEntries(
            Map.entry("transactions.envelope-commands", "delete"),
            Map.entry("transactions", "delete"),
            Map.entry("transactions.encrypted", "delete"),
            Map.entry("transactions.envelopes", "compact"),
            Map.entry("participant-keys", "compact"),
            Map.entry("key-custody", "compact"),
            Map.entry("access-log.events", "delete"),
            Map.entry("access-log", "delete"),
            Map.entry("access-log.checkpoints", "delete"),
            Map.entry("transactions.dlq", "delete"),
            Map.entry("transactions.receipts", "delete"),
            Map.entry("access-grants", "compact"),
            Map.entry("escrow-requests", "compact"),
            Map.entry("rewrap.progress", "compact"),
            Map.entry("key-service.leader", "delete"));

    static Stream<Path> yamlFiles() {
        return Stream.concat(DeployFiles.files("*.yaml").stream(), DeployFiles.files("*.yml").stream());
    }

    static Stream<Path> kustomizations() {
        return DeployFiles.files("kustomization.yaml").stream();
    }

    @ParameterizedTest
    @MethodSource("yamlFiles")
    void everyYamlFileParses(Path file) {
        assertThat(DeployFiles.yamlDocuments(file)).as(file.toString()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyKustomizationReferenceResolves(Path kustomization) {
        // Given
        JsonNode root = DeployFiles.yamlDocuments(kustomization).get(0);
        Path dir = kustomization.getParent();

        // Then
        root.path("resources")
                .forEach(resource -> assertThat(dir.resolve(resource.asText()))
                        .as("%s lists %s", kustomization, resource.asText())
                        .exists());
        root.path("configMapGenerator").forEach(generator -> {
            generator
                    .path("files")
                    .forEach(file -> assertThat(dir.resolve(file.asText())).exists());
            generator
                    .path("envs")
                    .forEach(file -> assertThat(dir.resolve(file.asText())).exists());
        });
    }

    @Test
    void kubernetesResourcesNameTheirKindAndApiVersion() {
        DeployFiles.files("*.yaml").stream()
                .filter(path -> !path.getFileName().toString().equals("kustomization.yaml"))
                .filter(path -> path.startsWith(DeployFiles.ROOT.resolve("k8s"))
                        || path.startsWith(DeployFiles.ROOT.resolve("strimzi"))
                        || path.startsWith(DeployFiles.ROOT.resolve("prometheus")))
                .filter(path -> !path.startsWith(
                        DeployFiles.ROOT.resolve("prometheus").resolve("tests"))) // promtool unit tests
                .flatMap(path -> DeployFiles.yamlDocuments(path).stream())
                .forEach(document -> assertThat(document.has("apiVersion")
                                && document.has("kind")
                                && document.path("metadata").has("name"))
                        .as(document.toString())
                        .isTrue());
    }

    @Test
    void strimziTopicsCarryTheDesignedCleanupPolicies() {
        // Given
        List<JsonNode> topics = DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("strimzi/topics.yaml"));

        // When
        Map<String, String> policies = topics.stream()
                .collect(Collectors.toMap(
                        topic -> topic.path("spec").path("topicName").asText(),
                        topic -> topic.path("spec")
                                .path("config")
                                .path("cleanup.policy")
                                .asText()));

        // Then
        assertThat(policies).isEqualTo(CLEANUP_POLICY);
    }

    @Test
    void theSealedAccessLogTopicsKeepEverythingAndArePartitionedLikeTheirInput() {
        // Given
        Map<String, JsonNode> topics =
                DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("strimzi/topics.yaml")).stream()
                        .collect(Collectors.toMap(
                                topic -> topic.path("spec").path("topicName").asText(), topic -> topic));
        int inputPartitions =
                topics.get("access-log.events").path("spec").path("partitions").asInt();

        // Then: the sealer refuses to start when the partition counts differ (docs/audit-sealer.md)
        for (String name : List.of("access-log", "access-log.checkpoints")) {
            JsonNode spec = topics.get(name).path("spec");
            assertThat(spec.path("partitions").asInt()).as(name).isEqualTo(inputPartitions);
            assertThat(spec.path("config").path("retention.ms").asText())
                    .as(name)
                    .isEqualTo("-1");
            assertThat(spec.path("config").path("retention.bytes").asText())
                    .as(name)
                    .isEqualTo("-1");
            assertThat(spec.path("config").path("min.insync.replicas").asText())
                    .as(name)
                    .isEqualTo("2");
            assertThat(spec.path("replicas").asInt()).as(name).isEqualTo(3);
        }
    }

    @Test
    void dashboardsTakeTheirDatasourceAsAnInput() {
        DeployFiles.files("*.json").forEach(file -> {
            JsonNode dashboard = DeployFiles.json(file);
            assertThat(dashboard.path("__inputs").get(0).path("name").asText())
                    .as(file.toString())
                    .isEqualTo("DS_PROMETHEUS");
            assertThat(DeployFiles.dashboardExpressions(dashboard))
                    .as(file.toString())
                    .isNotEmpty()
                    .allSatisfy(expression ->
                            assertThat(DeployFiles.metricNames(expression)).isNotEmpty());
        });
    }

    @Test
    void processorConfigMapIsAValidProcessorConfigurationOnceTheOperatorFilledThePins() {
        // Given: the pins an operator copies from the key service into processor-pins.env
        Map<String, String> pins = filledPins(Map.of());
        // Then
        assertThat(ProcessorConfigLoader.load(DeployFiles.ROOT.resolve("k8s/base/processor.properties"), pins)
                        .getString(ProcessorConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo("exactly_once_v2");
    }

    @Test
    void processorRefusesToStartWithTheShippedEmptyPins() throws IOException {
        // Given: processor-pins.env as shipped, which the Deployment loads as environment variables
        Map<String, String> shipped = new HashMap<>();
        for (String line : Files.readAllLines(DeployFiles.ROOT.resolve("k8s/base/processor-pins.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                shipped.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        // Then
        assertThat(shipped).containsOnlyKeys("CTX_KEYRING_SIGNING_PUBLIC_KEY", "CTX_ESCROW_PUBLIC_KEY_FINGERPRINT");
        assertThatThrownBy(() ->
                        ProcessorConfigLoader.load(DeployFiles.ROOT.resolve("k8s/base/processor.properties"), shipped))
                .hasMessageContaining(ProcessorConfig.KEYRING_SIGNING_PUBLIC_KEY_CONFIG);
        assertThat(Files.readString(DeployFiles.ROOT.resolve("k8s/base/processor-deployment.yaml")))
                .contains("ctx-processor-pins");
    }

    @Test
    void productionProcessorConfigMapSealsEverythingAndTrustsTheRegistryOnlyOverAuthenticatedHttps()
            throws IOException {
        // Given
        Path production = DeployFiles.ROOT.resolve("k8s/overlays/production/processor.properties");

        // When
        ProcessorConfig config = ProcessorConfigLoader.load(
                production, filledPins(Map.of("CTX_SERDE_BASIC_AUTH_USER_INFO", "from-the-secret:x")));

        // Then
        assertThat(config.encryptionMode()).isEqualTo(EncryptionMode.ALWAYS);
        assertThat(config.schemaRegistryUrl()).startsWith("https://");
        assertThat(config.serdeConfig())
                .containsEntry("auto.register.schemas", "false")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsKey("schema.registry.ssl.truststore.location");
        assertThat(properties(production).stringPropertyNames())
                .as("secrets come from the Secret ctx-processor-registry, never from the ConfigMap")
                .noneMatch(key -> key.matches("(?i).*(password|user\\.info|token|jaas).*"))
                .containsAll(properties(DeployFiles.ROOT.resolve("k8s/base/processor.properties"))
                        .stringPropertyNames());
        assertThat(Files.readString(DeployFiles.ROOT.resolve("k8s/overlays/production/kustomization.yaml")))
                .contains(
                        "name: ctx-processor-registry", "secretName: ctx-processor-registry-tls", "behavior: replace");
    }

    @Test
    void baseProcessorConfigMapDoesNotRegisterSchemas() {
        assertThat(ProcessorConfigLoader.load(
                                DeployFiles.ROOT.resolve("k8s/base/processor.properties"), filledPins(Map.of()))
                        .serdeConfig())
                .containsEntry("auto.register.schemas", "false");
    }

    /** The environment of a processor pod whose operator filled processor-pins.env, plus {@code more}. */
    private static Map<String, String> filledPins(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        environment.put(
                "CTX_KEYRING_SIGNING_PUBLIC_KEY",
                Base64.getEncoder()
                        .encodeToString(Ed25519SigningKey.generate(new SecureRandom())
                                .verifyingKey()
                                .bytes()));
        environment.put("CTX_ESCROW_PUBLIC_KEY_FINGERPRINT", "ab".repeat(32));
        return environment;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void keyServiceConfigMapIsAValidKeyServiceConfigurationWithItsSecretsNamedNotWritten() throws IOException {
        // Given
        Path file = DeployFiles.ROOT.resolve("k8s/base/key-service.properties");

        // When
        KeyServiceConfig config = KeyServiceConfigLoader.load(file, Map.of());

        // Then
        assertThat(config.getString(KeyServiceConfigDef.KEK_PROVIDER_CONFIG)).isEqualTo("pkcs11");
        assertThat(config.getString(KeyServiceConfigDef.TLS_CLIENT_AUTH_CONFIG)).isEqualTo("want");
        assertThat(config.getString(KeyServiceConfigDef.AUTH_JWT_ALGORITHM_CONFIG))
                .isEqualTo("ES256");
        assertThat(properties(file).stringPropertyNames())
                .filteredOn(key -> key.matches("(?i).*(password|pin|secret).*"))
                .isNotEmpty()
                .allMatch(key -> key.endsWith(".env") || key.endsWith(".file"));
    }

    @Test
    void composeKeyServiceConfigurationIsValidWithTheEnvironmentComposeGivesIt() {
        // Given: the key-service service's environment in compose.yaml
        JsonNode compose = DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("compose/compose.yaml"))
                .get(0);
        Map<String, String> environment = new HashMap<>();
        compose.path("services")
                .path("key-service")
                .path("environment")
                .fields()
                .forEachRemaining(entry ->
                        environment.put(entry.getKey(), entry.getValue().asText()));

        // When
        KeyServiceConfig config =
                KeyServiceConfigLoader.load(DeployFiles.ROOT.resolve("compose/key-service.properties"), environment);

        // Then
        assertThat(environment)
                .isNotEmpty()
                .allSatisfy((name, value) -> assertThat(name).startsWith("CTX_KEYSVC_"));
        assertThat(config.getString(KeyServiceConfigDef.KAFKA_BOOTSTRAP_SERVERS_CONFIG))
                .isEqualTo("kafka:9092");
        assertThat(config.getString(KeyServiceConfigDef.KEK_PROVIDER_CONFIG)).isEqualTo("pkcs12");
    }

    @Test
    void composeFileNamesEveryService() {
        JsonNode compose = DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("compose/compose.yaml"))
                .get(0);
        assertThat(compose.path("services").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("kafka", "schema-registry", "key-service", "processor");
        assertThat(Files.exists(DeployFiles.ROOT.resolve("docker/Dockerfile"))).isTrue();
    }
}
