package dev.ctx.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    private static final Set<String> KNOWN = Set.of("http.port", "kafka.bootstrap.servers");

    @TempDir
    Path dir;

    @Test
    void readsEveryKnownKeyOfAUtf8PropertiesFileSorted() throws Exception {
        // Given
        Path file = Files.writeString(
                dir.resolve("c.properties"),
                "kafka.bootstrap.servers=broker:9092\nhttp.port = 8080 \n",
                StandardCharsets.UTF_8);
        // When
        Map<String, String> values = ConfigFiles.read(file, KNOWN::contains, key -> new ConfigException(key));
        // Then
        assertThat(values)
                .containsExactly(Map.entry("http.port", "8080 "), Map.entry("kafka.bootstrap.servers", "broker:9092"));
    }

    @Test
    void anUnknownKeyIsTheComponentsOwnError() throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("c.properties"), "http.port=1\nhttp.prot=2\nzz=3\n");
        // When / Then
        assertThatThrownBy(() -> ConfigFiles.read(file, KNOWN::contains, key -> new ConfigException("unknown " + key)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown http.prot");
    }

    @Test
    void anUnreadableFileIsAConfigExceptionNamingIt() {
        // Given
        Path missing = dir.resolve("missing.properties");
        // When / Then
        assertThatThrownBy(() -> ConfigFiles.read(missing, KNOWN::contains, ConfigException::new))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Cannot read configuration file " + missing);
    }
}
