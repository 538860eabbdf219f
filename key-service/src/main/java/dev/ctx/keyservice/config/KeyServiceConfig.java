package dev.ctx.keyservice.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The key service's configuration, a Kafka {@link ConfigDef} like the processor's. Immutable once built; construction
 * refuses unknown keys, validates every value and the keys one setting makes necessary (the KEK provider's keystore,
 * the TLS trust store, the JWT algorithm's key), throwing {@link ConfigException} naming the key. Secrets are never
 * values here: {@code <key>.env} names an environment variable, {@code <key>.file} a file, read by {@link #secret}.
 */
public final class KeyServiceConfig extends AbstractConfig {

    /** Keys with this prefix are passed, without it, to the producer, consumer and admin client. */
    public static final String KAFKA_PREFIX = "kafka.";

    /** Suffix of the key naming the environment variable that holds a secret. */
    public static final String SECRET_ENV_SUFFIX = ".env";

    /** Suffix of the key naming the file that holds a secret. */
    public static final String SECRET_FILE_SUFFIX = ".file";

    private static final ConfigDef CONFIG_DEF = KeyServiceConfigDef.definition();
    private static final Set<String> KNOWN = CONFIG_DEF.names();

    private final Map<String, String> env;

    private KeyServiceConfig(Map<String, String> values, Map<String, String> env) {
        super(CONFIG_DEF, values, false);
        this.env = Map.copyOf(env);
        KeyServiceConfigDef.validateDependencies(this);
    }

    /**
     * Validates {@code values} (already merged with their environment overrides, see {@link KeyServiceConfigLoader}).
     *
     * @param env where {@code <key>.env} secrets are looked up
     * @throws ConfigException naming the first unknown, missing or invalid key
     */
    static KeyServiceConfig of(Map<String, String> values, Map<String, String> env) {
        values.keySet().stream()
                .sorted()
                .filter(key -> !isKnown(key))
                .findFirst()
                .ifPresent(key -> {
                    throw unknownKey(key, "");
                });
        return new KeyServiceConfig(values, env);
    }

    /** The documented key set, for README checks. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG_DEF);
    }

    static boolean isKnown(String key) {
        return KNOWN.contains(key) || key.startsWith(KAFKA_PREFIX);
    }

    static ConfigException unknownKey(String key, String where) {
        String hint = KNOWN.contains(key + SECRET_ENV_SUFFIX)
                ? "; secrets are never literal values: set " + key + SECRET_ENV_SUFFIX
                        + " (an environment variable name) or " + key + SECRET_FILE_SUFFIX + " (a file path)"
                : " (prefix Kafka client settings with '" + KAFKA_PREFIX + "')";
        return new ConfigException("Unknown configuration key '" + key + "'" + where + hint);
    }

    /** The value of a key without default, if set. */
    public Optional<String> optionalString(String key) {
        return Optional.ofNullable(getString(key)).filter(value -> !value.isBlank());
    }

    /** A duration key (ISO-8601, validated positive). */
    public Duration getDuration(String key) {
        return PositiveDurationValidator.parse(key, getString(key));
    }

    /** A path key that {@link KeyServiceConfigDef#validateDependencies} made necessary. */
    public Path getPath(String key) {
        return Path.of(optionalString(key).orElseThrow(() -> missing(key, "")));
    }

    /**
     * The secret named by {@code <key>.env} (wins) or {@code <key>.file}; the caller clears the array after use.
     *
     * @throws ConfigException naming the key when neither is set, the variable is unset or the file unreadable
     */
    public char[] secret(String key) {
        Optional<String> envVar = optionalString(key + SECRET_ENV_SUFFIX);
        if (envVar.isPresent()) {
            String value = env.get(envVar.get());
            if (value == null || value.isEmpty()) {
                throw new ConfigException(key + SECRET_ENV_SUFFIX + " names " + envVar.get() + ", which is not set");
            }
            return value.toCharArray();
        }
        Path file = Path.of(optionalString(key + SECRET_FILE_SUFFIX).orElseThrow(() -> missingSecret(key, "")));
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new ConfigException(key + SECRET_FILE_SUFFIX + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The Kafka client settings: every {@code kafka.}-prefixed key without its prefix. */
    public Map<String, Object> kafkaClientConfig() {
        return originalsWithPrefix(KAFKA_PREFIX);
    }

    static ConfigException missing(String key, String because) {
        return new ConfigException("Missing required configuration \"" + key + "\"" + because);
    }

    static ConfigException missingSecret(String key, String because) {
        return new ConfigException("Missing required configuration \"" + key + SECRET_ENV_SUFFIX + "\" or \"" + key
                + SECRET_FILE_SUFFIX + "\"" + because);
    }

    @Override
    public String toString() {
        return "KeyServiceConfig[instance=" + getString(KeyServiceConfigDef.SERVICE_INSTANCE_CONFIG) + ", kek="
                + getString(KeyServiceConfigDef.KEK_PROVIDER_CONFIG) + "]";
    }
}
