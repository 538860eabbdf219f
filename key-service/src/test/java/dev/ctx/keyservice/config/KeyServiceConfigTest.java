package dev.ctx.keyservice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.keyservice.store.StoreTopics;

class KeyServiceConfigTest {

    @TempDir
    Path dir;

    /** The smallest valid configuration: Kafka, registry, a PKCS#12 KEK and HS256 JWTs. */
    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", "localhost:9092");
        values.put("schema.registry.url", "http://localhost:8081");
        values.put("kek.pkcs12.path", "/etc/ctx/kek.p12");
        values.put("kek.pkcs12.password.env", "KEK_PW");
        values.put("auth.jwt.issuer", "issuer");
        values.put("auth.jwt.audience", "audience");
        values.put("auth.jwt.hs256.secret.file", "/etc/ctx/jwt-secret");
        return values;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> values = minimal();
        values.put(key, value);
        return values;
    }

    @Test
    void defaultsApplyAndTheEnvironmentOverridesTheFile() throws Exception {
        // Given
        Path file = dir.resolve("ks.properties");
        StringBuilder text = new StringBuilder();
        minimal()
                .forEach((key, value) ->
                        text.append(key).append('=').append(value).append('\n'));
        text.append("http.port=8080\nrotation.max.age=P30D\n");
        Files.writeString(file, text);
        // When
        KeyServiceConfig config = KeyServiceConfigLoader.load(
                file, Map.of("CTX_KEYSVC_HTTP_PORT", "9090", "CTX_KEYSVC_AUTH_FAILURES_MAX_CLIENTS", "7"));
        // Then
        assertThat(config.getInt(KeyServiceConfigDef.HTTP_PORT_CONFIG)).isEqualTo(9090);
        assertThat(config.getInt(KeyServiceConfigDef.AUTH_FAILURES_MAX_CLIENTS_CONFIG))
                .isEqualTo(7);
        assertThat(config.getDuration(KeyServiceConfigDef.ROTATION_MAX_AGE_CONFIG))
                .isEqualTo(Duration.ofDays(30));
        assertThat(config.getDuration(KeyServiceConfigDef.ROTATION_CHECK_INTERVAL_CONFIG))
                .isEqualTo(Duration.ofHours(1));
        assertThat(config.getString(KeyServiceConfigDef.TOPIC_KEY_CUSTODY_CONFIG))
                .isEqualTo("key-custody");
        assertThat(config.getString(KeyServiceConfigDef.KEK_PROVIDER_CONFIG)).isEqualTo("pkcs12");
    }

    @ParameterizedTest
    @CsvSource({
        "http.port, 70000",
        "http.port, eighty",
        "rotation.max.age, 90 days",
        "rotation.max.age, -P1D",
        "auth.failures.window, PT0S",
        "topics.create, yes",
        "kek.provider, pkcs13",
        "tls.client.auth, maybe",
        "auth.jwt.algorithm, none",
        "http.max.body.bytes, 10",
        "audit.denials.queue.capacity, 0"
    })
    void invalidValueFailsNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> KeyServiceConfigLoader.load(with(key, value), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void missingRequiredKeyIsNamed() {
        // Given
        Map<String, String> values = minimal();
        values.remove("kafka.bootstrap.servers");
        // When / Then
        assertThatThrownBy(() -> KeyServiceConfigLoader.load(values, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"kafka.bootstrap.servers\"");
    }

    @Test
    void blankValueUnsetsTheKey() {
        assertThatThrownBy(() -> KeyServiceConfigLoader.load(minimal(), Map.of("CTX_KEYSVC_AUTH_JWT_ISSUER", " ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"auth.jwt.issuer\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rotation.max-age",
                "topics.participant-keys",
                "tls.client-auth",
                "http.max-body-bytes",
                "auth.failures.max-clients",
                "audit.denials.queue-capacity",
                "rotation.check-interval",
                "htp.port"
            })
    void unknownKeyInTheFileStopsStartupNamingIt(String key) throws Exception {
        // Given
        Path file = dir.resolve("ks.properties");
        Files.writeString(file, "auth.jwt.issuer=issuer\n" + key + "=1\n");
        // When / Then
        assertThatThrownBy(() -> KeyServiceConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + key + "'");
    }

    @Test
    void unknownKeyInAMapStopsStartupNamingIt() {
        assertThatThrownBy(() -> KeyServiceConfigLoader.load(with("rotation.max-age", "P1D"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'rotation.max-age'");
    }

    @Test
    void unknownKeyServiceEnvironmentVariableStopsStartupNamingIt() {
        assertThatThrownBy(() -> KeyServiceConfigLoader.load(minimal(), Map.of("CTX_KEYSVC_ROTATION_MAXAGE", "P1D")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'rotation.maxage'")
                .hasMessageContaining("CTX_KEYSVC_ROTATION_MAXAGE");
    }

    @Test
    void keyServiceVariableNamedAsASecretsHolderIsNotConfiguration() {
        // Given: the KEK password kept in a variable that happens to carry the key service's prefix
        Map<String, String> values = with("kek.pkcs12.password.env", "CTX_KEYSVC_KEK_PASSWORD");
        // When
        KeyServiceConfig config = KeyServiceConfigLoader.load(values, Map.of("CTX_KEYSVC_KEK_PASSWORD", "from-env"));
        // Then
        assertThat(config.secret(KeyServiceConfigDef.KEK_PKCS12_PASSWORD_SECRET))
                .containsExactly("from-env".toCharArray());
    }

    @Test
    void environmentVariablesOfOtherComponentsAreIgnored() {
        assertThat(KeyServiceConfigLoader.load(
                                minimal(), Map.of("CTX_BOOTSTRAP_SERVERS", "elsewhere:1", "PATH", "/bin"))
                        .getString(KeyServiceConfigDef.KAFKA_BOOTSTRAP_SERVERS_CONFIG))
                .isEqualTo("localhost:9092");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kek.pkcs12.password",
                "kek.pkcs11.pin",
                "tls.keystore.password",
                "tls.truststore.password",
                "auth.jwt.hs256.secret"
            })
    void literalSecretIsRefusedWithoutEchoingIt(String key) {
        assertThatThrownBy(() -> KeyServiceConfigLoader.load(with(key, "hunter2-literal"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(key + ".env")
                .hasMessageNotContaining("hunter2-literal");
    }

    @Test
    void secretComesFromTheNamedEnvironmentVariableOrFile() throws Exception {
        // Given
        Path secretFile = dir.resolve("pin");
        Files.writeString(secretFile, "from-file\n");
        Map<String, String> byFile = minimal();
        byFile.remove("kek.pkcs12.password.env");
        byFile.put("kek.pkcs12.password.file", secretFile.toString());
        // When
        KeyServiceConfig fromEnv = KeyServiceConfigLoader.load(minimal(), Map.of("KEK_PW", "from-env"));
        KeyServiceConfig fromFile = KeyServiceConfigLoader.load(byFile, Map.of());
        // Then
        assertThat(fromEnv.secret(KeyServiceConfigDef.KEK_PKCS12_PASSWORD_SECRET))
                .containsExactly("from-env".toCharArray());
        assertThat(fromFile.secret(KeyServiceConfigDef.KEK_PKCS12_PASSWORD_SECRET))
                .containsExactly("from-file".toCharArray());
    }

    @Test
    void secretNamingAnUnsetVariableFailsNamingTheKey() {
        KeyServiceConfig config = KeyServiceConfigLoader.load(minimal(), Map.of());
        assertThatThrownBy(() -> config.secret(KeyServiceConfigDef.KEK_PKCS12_PASSWORD_SECRET))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kek.pkcs12.password.env");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kek.provider=pkcs11 | kek.pkcs11.config",
                "kek.provider=pkcs11,kek.pkcs11.config=/etc/pkcs11.cfg | kek.pkcs11.pin.env",
                "tls.keystore.path=/etc/server.p12 | tls.keystore.password.env",
                "tls.keystore.path=/etc/server.p12,tls.keystore.password.env=X | tls.truststore.path",
                "auth.jwt.algorithm=ES256 | auth.jwt.es256.jwks.file"
            })
    void keysOneSettingNeedsAreRequiredUpFront(String settings, String missing) {
        // Given
        Map<String, String> values = minimal();
        for (String setting : settings.split(",")) {
            values.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        // When / Then
        assertThatThrownBy(() -> KeyServiceConfigLoader.load(values, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"" + missing + "\"");
    }

    @Test
    void kafkaPassThroughKeysLoseTheirPrefixAndMayComeFromTheEnvironmentAlone() {
        // When
        KeyServiceConfig config = KeyServiceConfigLoader.load(
                with("kafka.security.protocol", "SSL"),
                Map.of(
                        "CTX_KEYSVC_KAFKA_SECURITY_PROTOCOL",
                        "SASL_SSL",
                        "CTX_KEYSVC_KAFKA_SASL_MECHANISM",
                        "SCRAM-SHA-512"));
        // Then
        assertThat(config.kafkaClientConfig())
                .containsOnly(
                        Map.entry("security.protocol", "SASL_SSL"),
                        Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                        Map.entry("bootstrap.servers", "localhost:9092"));
    }

    @Test
    void everyKeyHasOneStyleAndItsEnvironmentVariableMapsBack() {
        for (String key : KeyServiceConfig.configDef().names()) {
            assertThat(key).matches("[a-z0-9]+(\\.[a-z0-9]+)+");
            String env = KeyServiceConfigLoader.envName(key);
            assertThat(KeyServiceConfigLoader.fromEnvironment(Map.of(env, "x"))).containsOnlyKeys(key);
        }
    }

    @Test
    void defaultTopicNamesAreTheStoreDefaults() {
        // When
        KeyServiceConfig config = KeyServiceConfigLoader.load(minimal(), Map.of());
        // Then
        assertThat(new StoreTopics(
                        config.getString(KeyServiceConfigDef.TOPIC_PARTICIPANT_KEYS_CONFIG),
                        config.getString(KeyServiceConfigDef.TOPIC_KEY_CUSTODY_CONFIG),
                        config.getString(KeyServiceConfigDef.TOPIC_ACCESS_EVENTS_CONFIG),
                        config.getString(KeyServiceConfigDef.TOPIC_ACCESS_GRANTS_CONFIG)))
                .isEqualTo(StoreTopics.defaults());
    }

    @Test
    void toStringHoldsNoPathOrSecretReference() {
        assertThat(KeyServiceConfigLoader.load(minimal(), Map.of()).toString())
                .doesNotContain("KEK_PW", "/etc/ctx")
                .contains("pkcs12");
    }
}
