package dev.ctx.schemas.schemaregistry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.apache.kafka.common.config.ConfigException;

/**
 * Validated settings of an HTTP registry client, read from Confluent's configuration keys (listed here) plus ours
 * for retry, timeouts and caches. {@link #toString()} never shows credentials.
 *
 * @param urls one or more registry base URLs, tried in turn
 * @param authorization the value of the {@code Authorization} header, if any
 * @param sslContext the TLS context, or empty for the JDK default
 * @param retry retry policy for connection failures and 5xx answers
 * @param requestTimeout timeout of one HTTP request (and of connecting)
 * @param cacheCapacity capacity of each client-side cache
 * @param latestVersionTtl how long a subject's latest version is cached; negative means forever, zero never
 */
public record RegistryClientConfig(
        List<URI> urls,
        Optional<String> authorization,
        Optional<SSLContext> sslContext,
        RetryPolicy retry,
        Duration requestTimeout,
        int cacheCapacity,
        Duration latestVersionTtl) {

    /** Comma-separated registry URLs, or one {@code mock://<scope>} URL. Required. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code USER_INFO} (use {@link #BASIC_AUTH_USER_INFO}) or {@code URL} (user info in the URL). */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for basic auth when the source is {@code USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** {@code STATIC_TOKEN} to send {@link #BEARER_AUTH_TOKEN} as a bearer token. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    /** The static bearer token. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    /** Truststore file for HTTPS registries. */
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    /** Truststore password. */
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** Truststore type, default {@code PKCS12}. */
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    /** Keystore file holding the client certificate for mutual TLS. */
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    /** Keystore password. */
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    /** Keystore type, default {@code PKCS12}. */
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    /** Password of the key in the keystore, default the keystore password. */
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    /** Ours: total attempts per request (connection failures and 5xx only; 4xx never retried), default 4. */
    public static final String RETRY_MAX_ATTEMPTS = "schema.registry.retry.max.attempts";
    /** Ours: wait after the first failed attempt in ms, doubled each time, default 100. */
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    /** Ours: cap on one wait in ms, default 2000. */
    public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";
    /** Ours: timeout of one HTTP request in ms, default 10000. */
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    /** Ours: capacity of each client cache (id to schema, subject and schema to id), default 1000. */
    public static final String CACHE_CAPACITY = "schema.registry.cache.capacity";
    /** Confluent's: seconds a subject's latest version stays cached, default -1 (forever). */
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

    /** Validates the components. */
    public RegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty() || cacheCapacity < 1) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " needs at least one URL and caches need capacity >= 1");
        }
    }

    /** Reads and validates the settings from a Kafka-style configuration map. */
    public static RegistryClientConfig from(ConfigValues values) {
        List<URI> urls = urls(values);
        return new RegistryClientConfig(
                urls.stream().map(RegistryClientConfig::withoutUserInfo).toList(),
                authorization(values, urls.get(0)),
                RegistryTls.sslContext(values),
                new RetryPolicy(
                        (int) values.number(RETRY_MAX_ATTEMPTS, 4, 1),
                        Duration.ofMillis(values.number(RETRY_BACKOFF_MS, 100, 0)),
                        Duration.ofMillis(values.number(RETRY_BACKOFF_MAX_MS, 2000, 0))),
                Duration.ofMillis(values.number(REQUEST_TIMEOUT_MS, 10_000, 1)),
                (int) values.number(CACHE_CAPACITY, 1000, 1),
                Duration.ofSeconds(values.number(LATEST_CACHE_TTL_SEC, -1, -1)));
    }

    @Override
    public String toString() {
        return "RegistryClientConfig[urls=" + urls + ", authorization="
                + authorization.map(a -> "<redacted>").orElse("none") + ", tls=" + sslContext.isPresent() + ", retry="
                + retry + "]";
    }

    private static List<URI> urls(ConfigValues values) {
        String text = values.string(SCHEMA_REGISTRY_URL)
                .orElseThrow(() -> new ConfigException(SCHEMA_REGISTRY_URL + " is required"));
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(RegistryClientConfig::parseUrl)
                .toList();
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("scheme");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " holds a URL that is not http(s) or mock://");
        }
    }

    private static URI withoutUserInfo(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + Optional.ofNullable(uri.getRawPath()).orElse(""));
    }

    private static Optional<String> authorization(ConfigValues values, URI firstUrl) {
        Optional<String> bearer = values.string(BEARER_AUTH_CREDENTIALS_SOURCE);
        if (bearer.isPresent()) {
            if (!bearer.get().equals("STATIC_TOKEN")) {
                throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE + " supports only STATIC_TOKEN");
            }
            return Optional.of("Bearer "
                    + values.string(BEARER_AUTH_TOKEN)
                            .orElseThrow(
                                    () -> new ConfigException(BEARER_AUTH_TOKEN + " is required for STATIC_TOKEN")));
        }
        return basicUserInfo(values, firstUrl)
                .map(userInfo ->
                        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<String> basicUserInfo(ConfigValues values, URI firstUrl) {
        String source = values.string(BASIC_AUTH_CREDENTIALS_SOURCE)
                .orElse(values.string(BASIC_AUTH_USER_INFO).isPresent() ? "USER_INFO" : "URL");
        if (source.equals("USER_INFO")) {
            return Optional.of(values.string(BASIC_AUTH_USER_INFO)
                    .orElseThrow(() -> new ConfigException(BASIC_AUTH_USER_INFO + " is required for USER_INFO")));
        }
        if (source.equals("URL")) {
            return Optional.ofNullable(firstUrl.getUserInfo());
        }
        throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + " supports USER_INFO and URL");
    }
}
