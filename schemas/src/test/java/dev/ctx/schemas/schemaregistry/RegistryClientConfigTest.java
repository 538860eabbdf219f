package dev.ctx.schemas.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Base64;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class RegistryClientConfigTest {

    @Test
    void severalCommaSeparatedUrlsAreKeptInOrder() {
        // When
        RegistryClientConfig config = RegistryClientConfig.from(
                new ConfigValues(Map.of("schema.registry.url", " http://a:8081/ , https://b:8082")));
        // Then
        assertThat(config.urls()).containsExactly(URI.create("http://a:8081"), URI.create("https://b:8082"));
        assertThat(config.authorization()).isEmpty();
    }

    @Test
    void basicAuthUserInfoBecomesABasicHeaderAndIsRedacted() {
        // When
        RegistryClientConfig config = RegistryClientConfig.from(new ConfigValues(Map.of(
                "schema.registry.url",
                "http://a:8081",
                "basic.auth.credentials.source",
                "USER_INFO",
                "basic.auth.user.info",
                new Password("fred:s3cret"))));
        // Then
        assertThat(config.authorization())
                .contains("Basic " + Base64.getEncoder().encodeToString("fred:s3cret".getBytes()));
        assertThat(config.toString())
                .doesNotContain("s3cret")
                .doesNotContain("ZnJlZDpzM2NyZXQ=")
                .contains("<redacted>");
    }

    @Test
    void basicAuthFromTheUrlIsMovedIntoTheHeader() {
        // When
        RegistryClientConfig config = RegistryClientConfig.from(new ConfigValues(
                Map.of("schema.registry.url", "http://fred:s3cret@a:8081", "basic.auth.credentials.source", "URL")));
        // Then
        assertThat(config.urls()).containsExactly(URI.create("http://a:8081"));
        assertThat(config.authorization())
                .contains("Basic " + Base64.getEncoder().encodeToString("fred:s3cret".getBytes()));
    }

    @Test
    void staticBearerTokenBecomesABearerHeader() {
        // When
        RegistryClientConfig config = RegistryClientConfig.from(new ConfigValues(Map.of(
                "schema.registry.url",
                "http://a:8081",
                "bearer.auth.credentials.source",
                "STATIC_TOKEN",
                "bearer.auth.token",
                "tok-123")));
        // Then
        assertThat(config.authorization()).contains("Bearer tok-123");
    }

    @Test
    void retryAndCacheSettingsAreRead() {
        // When
        RegistryClientConfig config = RegistryClientConfig.from(new ConfigValues(Map.of(
                "schema.registry.url",
                "http://a:8081",
                RegistryClientConfig.RETRY_MAX_ATTEMPTS,
                7,
                RegistryClientConfig.RETRY_BACKOFF_MS,
                "5",
                RegistryClientConfig.RETRY_BACKOFF_MAX_MS,
                "50",
                RegistryClientConfig.CACHE_CAPACITY,
                "3")));
        // Then
        assertThat(config.retry().maxAttempts()).isEqualTo(7);
        assertThat(config.retry().backoffAfter(10).toMillis()).isBetween(25L, 50L);
        assertThat(config.cacheCapacity()).isEqualTo(3);
    }

    @Test
    void invalidSettingsFailWithoutEchoingSecrets() {
        assertThatThrownBy(() -> RegistryClientConfig.from(new ConfigValues(Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RegistryClientConfig.from(
                        new ConfigValues(Map.of("schema.registry.url", "ftp://fred:s3cret@a"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> RegistryClientConfig.from(new ConfigValues(
                        Map.of("schema.registry.url", "http://a", "basic.auth.credentials.source", "USER_INFO"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> RegistryClientConfig.from(new ConfigValues(
                        Map.of("schema.registry.url", "http://a", RegistryClientConfig.RETRY_MAX_ATTEMPTS, "0"))))
                .isInstanceOf(ConfigException.class);
    }
}
