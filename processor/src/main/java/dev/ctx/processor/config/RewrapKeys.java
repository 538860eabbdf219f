package dev.ctx.processor.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The keys of the rewrap topology (docs/rewrap-topology.md). It runs only when {@value #URL_CONFIG} is set, so nothing
 * changes for a processor configured without it.
 */
public final class RewrapKeys {

    public static final String URL_CONFIG = "rewrap.key.service.url";
    public static final String TOKEN_CONFIG = "rewrap.key.service.token";
    public static final String TRUSTSTORE_PATH_CONFIG = "rewrap.key.service.truststore.path";
    public static final String TRUSTSTORE_PASSWORD_CONFIG = "rewrap.key.service.truststore.password";
    public static final String TIMEOUT_MS_CONFIG = "rewrap.key.service.timeout.ms";
    public static final String BATCH_SIZE_CONFIG = "rewrap.batch.size";
    public static final String INTERVAL_MS_CONFIG = "rewrap.interval.ms";
    /**
     * Default of {@code rewrap.interval.ms}: 100 ms, so the punctuation is not what bounds a large rotation (measured
     * in BENCHMARKS.md, "Key rotation": at 1 s the job ran at 1,219/s against its 1,500/s cap).
     */
    static final long DEFAULT_INTERVAL_MS = 100L;

    public static final String APPLICATION_ID_CONFIG = "rewrap.application.id";
    public static final String PROGRESS_TOPIC_CONFIG = "rewrap.progress.topic";

    private RewrapKeys() {}

    static void define(ConfigDef def) {
        def.define(
                        URL_CONFIG,
                        ConfigDef.Type.STRING,
                        "",
                        new KeyServiceUrlValidator(),
                        Importance.HIGH,
                        "Key service base URL (http(s)://host:port) for POST /v1/rewrap; empty (the default) turns the"
                                + " rewrap topology off.")
                .define(
                        TOKEN_CONFIG,
                        ConfigDef.Type.PASSWORD,
                        null,
                        Importance.HIGH,
                        "Bearer token of an operator sent to the key service (Authorization header); never logged.")
                .define(
                        TRUSTSTORE_PATH_CONFIG,
                        ConfigDef.Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "PKCS#12 trust store holding the key service's CA for https; empty uses the JDK default trust.")
                .define(
                        TRUSTSTORE_PASSWORD_CONFIG,
                        ConfigDef.Type.PASSWORD,
                        null,
                        Importance.MEDIUM,
                        "Password of the rewrap trust store.")
                .define(
                        TIMEOUT_MS_CONFIG,
                        ConfigDef.Type.LONG,
                        10_000L,
                        Range.between(100L, 120_000L),
                        Importance.MEDIUM,
                        "Timeout of one rewrap call (connect and answer); keep it well below max.poll.interval.ms.")
                .define(
                        BATCH_SIZE_CONFIG,
                        ConfigDef.Type.INT,
                        500,
                        Range.between(1, 500),
                        Importance.MEDIUM,
                        "Envelopes sent per punctuation of a stream task (the key service accepts at most 500).")
                .define(
                        INTERVAL_MS_CONFIG,
                        ConfigDef.Type.LONG,
                        DEFAULT_INTERVAL_MS,
                        Range.between(10L, 3_600_000L),
                        Importance.LOW,
                        "Wall-clock period of the rewrap punctuator (rotation check, then one bounded batch round)."
                                + " It caps the job at tasks x rewrap.batch.size / interval envelopes per second"
                                + " (3 x 500 / 0.1 s = 15,000/s at the default; 1,500/s at 1 s); an idle punctuation"
                                + " only scans the keyrings (docs/rewrap.md, Configuration).")
                .define(
                        APPLICATION_ID_CONFIG,
                        ConfigDef.Type.STRING,
                        "ctx-rewrap",
                        new ConfigDef.NonEmptyStringWithoutControlChars(),
                        Importance.MEDIUM,
                        "Kafka Streams application id of the rewrap topology (its group, transactional ids and"
                                + " changelogs).")
                .define(
                        PROGRESS_TOPIC_CONFIG,
                        ConfigDef.Type.STRING,
                        "rewrap.progress",
                        new ConfigDef.NonEmptyStringWithoutControlChars(),
                        Importance.LOW,
                        "Compacted topic where each rewrap task writes, per participant and old key version, the"
                                + " envelopes still wrapped under it; a version is retired when every partition"
                                + " reports zero (docs/rewrap-topology.md).");
    }

    /** The key service URL, if the rewrap topology is configured. */
    static Optional<URI> url(ProcessorConfig config) {
        String url = config.getString(URL_CONFIG).trim();
        return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
    }

    static Optional<String> password(ProcessorConfig config, String key) {
        Password password = config.getPassword(key);
        return password == null || password.value().isEmpty() ? Optional.empty() : Optional.of(password.value());
    }

    static Duration timeout(ProcessorConfig config) {
        return Duration.ofMillis(config.getLong(TIMEOUT_MS_CONFIG));
    }

    /** Accepts an empty value (off) or an {@code http(s)://host[:port]} URL. */
    static final class KeyServiceUrlValidator implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            String url = value == null ? "" : ((String) value).trim();
            if (url.isEmpty()) {
                return;
            }
            try {
                URI uri = new URI(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new ConfigException(name, value, "must be http(s)://host[:port] or empty");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(name, value, "not a URI: " + e.getReason());
            }
        }

        @Override
        public String toString() {
            return "empty, or http(s)://host[:port]";
        }
    }
}
