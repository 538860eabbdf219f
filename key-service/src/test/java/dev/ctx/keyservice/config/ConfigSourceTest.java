package dev.ctx.keyservice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigSourceTest {

    @TempDir
    Path dir;

    @Test
    void environmentOverridesTheFile() throws Exception {
        // Given
        Path file = dir.resolve("ks.properties");
        Files.writeString(file, "http.port=8080\nrotation.max-age=P30D\n");
        // When
        ConfigSource config = ConfigSource.load(file, Map.of("CTX_KEYSVC_HTTP_PORT", "9090"));
        // Then
        assertThat(config.integer("http.port", 1, 0, 65535)).isEqualTo(9090);
        assertThat(config.duration("rotation.max-age", Duration.ofDays(90))).isEqualTo(Duration.ofDays(30));
        assertThat(config.duration("rotation.check-interval", Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest
    @CsvSource({"http.port, 70000", "http.port, eighty", "rotation.max-age, 90 days", "rotation.max-age, -P1D", "topics.create, yes"})
    void invalidValueFailsNamingTheKey(String key, String value) {
        // Given
        ConfigSource config = new ConfigSource(Map.of(key, value), Map.of());
        // When / Then
        assertThatThrownBy(() -> {
            config.integer("http.port", 8080, 0, 65535);
            config.duration("rotation.max-age", Duration.ofDays(90));
            config.bool("topics.create", true);
        }).isInstanceOf(ConfigException.class).hasMessageStartingWith(key).hasMessageNotContaining(value);
    }

    @Test
    void missingRequiredKeyIsNamed() {
        assertThatThrownBy(() -> new ConfigSource(Map.of(), Map.of()).required("kafka.bootstrap.servers"))
                .isInstanceOf(ConfigException.class).hasMessage("kafka.bootstrap.servers is required");
    }

    @Test
    void secretComesFromTheNamedEnvironmentVariableOrFile() throws Exception {
        // Given
        Path secretFile = dir.resolve("pin");
        Files.writeString(secretFile, "from-file\n");
        ConfigSource fromEnv = new ConfigSource(Map.of("kek.pkcs12.password.env", "KEK_PW"), Map.of("KEK_PW", "from-env"));
        ConfigSource fromFile = new ConfigSource(Map.of("kek.pkcs12.password.file", secretFile.toString()), Map.of());
        // When / Then
        assertThat(fromEnv.secret("kek.pkcs12.password")).containsExactly("from-env".toCharArray());
        assertThat(fromFile.secret("kek.pkcs12.password")).containsExactly("from-file".toCharArray());
    }

    @Test
    void secretNamingAnUnsetVariableFailsWithoutItsValue() {
        ConfigSource config = new ConfigSource(Map.of("kek.pkcs12.password.env", "NOT_SET"), Map.of());
        assertThatThrownBy(() -> config.secret("kek.pkcs12.password")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("kek.pkcs12.password.env");
    }

    @Test
    void kafkaPassThroughKeysLoseTheirPrefix() {
        ConfigSource config = new ConfigSource(Map.of("kafka.security.protocol", "SSL", "http.port", "1"),
                Map.of("CTX_KEYSVC_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));
        assertThat(config.withPrefix("kafka.")).containsExactly(Map.entry("security.protocol", "SASL_SSL"));
    }
}
