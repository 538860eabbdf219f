package dev.ctx.processor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.topics.TopicNames;

class ProcessorConfigLoaderTest {

    private static final String REQUIRED =
            "bootstrap.servers=127.0.0.1:9092\nschema.registry.url=http://127.0.0.1:8081\n"
                    + TestKeyrings.pinsProperties();

    @TempDir
    Path dir;

    @Test
    void appliesDocumentedDefaults() throws IOException {
        // Given
        Path file = write(REQUIRED);

        // When
        ProcessorConfig config = ProcessorConfigLoader.load(file, Map.of());

        // Then
        assertThat(config.encryptionMode()).isEqualTo(EncryptionMode.OPT_IN);
        assertThat(config.wrapMode()).isEqualTo(WrapMode.EPOCH);
        assertThat(config.epochPolicy().maxSeals()).isEqualTo(100_000);
        assertThat(config.epochPolicy().maxAge()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.getString(ProcessorConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo("exactly_once_v2");
        assertThat(config.topicNames()).isEqualTo(TopicNames.defaults());
        assertThat(config.createTopics()).isTrue();
        assertThat(config.metricsPort()).isEqualTo(9400);
        assertThat(config.instanceId()).isEqualTo("processor-1");
    }

    @Test
    void environmentVariablesOverrideTheFile() throws IOException {
        // Given
        Path file = write(REQUIRED + "encryption.mode=opt-in\n");
        Map<String, String> env = Map.of(
                "CTX_BOOTSTRAP_SERVERS",
                "broker-1:9092,broker-2:9092",
                "CTX_ENCRYPTION_MODE",
                "always",
                "CTX_TOPIC_PARTICIPANT_KEYS",
                "keys.v2",
                "CTX_STREAMS_SECURITY_PROTOCOL",
                "SSL",
                "CTX_SOMETHING_ELSE",
                "ignored",
                "PATH",
                "/usr/bin");

        // When
        ProcessorConfig config = ProcessorConfigLoader.load(file, env);

        // Then
        assertThat(config.bootstrapServers()).isEqualTo("broker-1:9092,broker-2:9092");
        assertThat(config.encryptionMode()).isEqualTo(EncryptionMode.ALWAYS);
        assertThat(config.topicNames().participantKeys()).isEqualTo("keys.v2");
        assertThat(config.streamsOverrides()).containsEntry("security.protocol", "SSL");
    }

    @Test
    void environmentAloneIsEnough() {
        // When
        Map<String, String> env = new HashMap<>(TestKeyrings.pinsEnvironment());
        env.putAll(Map.of("CTX_BOOTSTRAP_SERVERS", "kafka:9092", "CTX_SCHEMA_REGISTRY_URL", "mock://scope-a"));
        ProcessorConfig config = ProcessorConfigLoader.load(null, env);

        // Then
        assertThat(config.serdeConfig()).containsEntry("schema.registry.url", "mock://scope-a");
    }

    @Test
    void passesSerdeSettingsToTheSerdesWithoutTheirPrefix() throws IOException {
        // Given
        Path file = write(REQUIRED + "serde.basic.auth.user.info=svc:secret\n");

        // When
        ProcessorConfig config = ProcessorConfigLoader.load(file, Map.of());

        // Then
        assertThat(config.serdeConfig())
                .containsEntry("basic.auth.user.info", "svc:secret")
                .containsEntry("schema.registry.url", "http://127.0.0.1:8081");
        assertThat(config.toString()).doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "encryption.mode|sometimes",
                "processing.guarantee|exactly_once",
                "metrics.port|70000",
                "metrics.port|nine",
                "bootstrap.servers|no-port-here",
                "schema.registry.url|ftp://registry:21",
                "topics.partitions|0",
                "topics.replication.factor|0",
                "topic.envelopes|bad topic name",
                "num.stream.threads|0",
                "topics.create|maybe",
                "keyring.signing.public.key|not-a-key",
                "keyring.signing.public.key|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "escrow.public.key.fingerprint|abc123",
                "envelope.wrap-mode|per-epoch",
                "envelope.epoch.max-seals|0",
                "envelope.epoch.max-age-ms|-5",
                "audit.sealer.dedup.window|999",
                "audit.sealer.dedup.window|5000001"
            })
    void rejectsAnInvalidValueNamingTheKey(String key, String value) throws IOException {
        // Given
        Path file = write(REQUIRED + key + "=" + value + "\n");

        // When / Then
        assertThatThrownBy(() -> ProcessorConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void readsTheWrapModeAndEpochLimits() throws IOException {
        // Given
        Path file = write(REQUIRED + "envelope.wrap-mode=per-transaction\nenvelope.epoch.max-seals=500\n"
                + "envelope.epoch.max-age-ms=2500\n");

        // When
        ProcessorConfig config = ProcessorConfigLoader.load(file, Map.of());

        // Then
        assertThat(config.wrapMode()).isEqualTo(WrapMode.PER_TRANSACTION);
        assertThat(config.epochPolicy().maxSeals()).isEqualTo(500);
        assertThat(config.epochPolicy().maxAge()).isEqualTo(Duration.ofMillis(2500));
    }

    @ParameterizedTest
    @CsvSource({
        "bootstrap.servers",
        "schema.registry.url",
        "keyring.signing.public.key",
        "escrow.public.key.fingerprint"
    })
    void rejectsAMissingRequiredKeyNamingIt(String key) throws IOException {
        // Given
        Path file = write(REQUIRED.lines().filter(line -> !line.startsWith(key)).reduce("", (a, b) -> a + b + "\n"));

        // When / Then
        assertThatThrownBy(() -> ProcessorConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void readsTheKeyringSigningPinAsBase64OrHexAndTheEscrowFingerprintsAsAList() throws IOException {
        // Given
        String hexKey =
                HexFormat.of().formatHex(TestKeyrings.SIGNING_KEY.verifyingKey().bytes());
        String other = "ab".repeat(32);
        Path file = write("bootstrap.servers=127.0.0.1:9092\nschema.registry.url=http://127.0.0.1:8081\n"
                + "keyring.signing.public.key=" + hexKey + "\nescrow.public.key.fingerprint="
                + TestKeyrings.escrowFingerprint().toUpperCase(Locale.ROOT) + ", " + other + "\n");

        // When
        ProcessorConfig config = ProcessorConfigLoader.load(file, Map.of());

        // Then
        assertThat(config.keyringSigningKey()).isEqualTo(TestKeyrings.SIGNING_KEY.verifyingKey());
        assertThat(config.escrowFingerprints()).containsExactly(TestKeyrings.escrowFingerprint(), other);
    }

    @Test
    void rejectsAnUnknownKeyInTheFile() throws IOException {
        // Given
        Path file = write(REQUIRED + "encryption.mod=always\n");

        // When / Then
        assertThatThrownBy(() -> ProcessorConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encryption.mod");
    }

    @Test
    void rejectsAnUnreadableFileNamingIt() {
        // Given
        Path missing = dir.resolve("missing.properties");

        // When / Then
        assertThatThrownBy(() -> ProcessorConfigLoader.load(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing.properties");
    }

    @Test
    void everyKeyIsDocumented() {
        assertThat(ProcessorConfig.configDef().configKeys().values())
                .allSatisfy(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("processor.properties"), content);
    }
}
