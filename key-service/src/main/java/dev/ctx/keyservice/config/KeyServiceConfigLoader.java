package dev.ctx.keyservice.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.config.ConfigException;

import dev.ctx.schemas.config.ConfigFiles;

/**
 * Builds a {@link KeyServiceConfig} from a properties file (or map) overridden by environment variables
 * {@code CTX_KEYSVC_<KEY>}: the key in upper case with dots as underscores ({@code CTX_KEYSVC_HTTP_PORT} sets
 * {@code http.port}, {@code CTX_KEYSVC_KAFKA_SECURITY_PROTOCOL} sets {@code kafka.security.protocol}). The prefix is
 * the key service's own, so a {@code CTX_KEYSVC_} variable that names no key is an error (unless a {@code <secret>.env}
 * key names it as the variable holding a secret), as is an unknown key in the file. A blank value unsets a key.
 */
public final class KeyServiceConfigLoader {

    /** Prefix of environment variables read as configuration. */
    public static final String ENV_PREFIX = "CTX_KEYSVC_";

    private KeyServiceConfigLoader() {}

    /**
     * @param env the environment, usually {@link System#getenv()}: overrides and {@code <key>.env} secrets
     * @throws ConfigException naming the first unknown, missing or invalid key, or the unreadable file
     */
    public static KeyServiceConfig load(Path file, Map<String, String> env) {
        return load(readFile(file), env);
    }

    /**
     * @param values the keys as a properties file would hold them
     * @param env the environment: overrides and {@code <key>.env} secrets
     */
    public static KeyServiceConfig load(Map<String, String> values, Map<String, String> env) {
        Map<String, String> merged = new TreeMap<>();
        values.forEach((key, value) -> merged.put(key, value.trim()));
        Map<String, String> overrides = fromEnvironment(env);
        merged.putAll(overrides);
        Set<String> secretVariables = secretVariables(merged);
        unknownOverrides(env).stream()
                .filter(name -> !secretVariables.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw KeyServiceConfig.unknownKey(keyOf(name), " (from environment variable " + name + ")");
                });
        merged.values().removeIf(String::isBlank);
        return KeyServiceConfig.of(merged, env);
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static Map<String, String> readFile(Path file) {
        return ConfigFiles.read(
                file, KeyServiceConfig::isKnown, key -> KeyServiceConfig.unknownKey(key, " in " + file));
    }

    /** The {@code CTX_KEYSVC_} variables that name a key, as keys. */
    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && KeyServiceConfig.isKnown(keyOf(name))) {
                values.put(keyOf(name), value.trim());
            }
        });
        return values;
    }

    /** The {@code CTX_KEYSVC_} variables that name no key, sorted. */
    private static List<String> unknownOverrides(Map<String, String> env) {
        return env.keySet().stream()
                .filter(name -> name.startsWith(ENV_PREFIX))
                .filter(name -> !KeyServiceConfig.isKnown(keyOf(name)))
                .sorted()
                .toList();
    }

    /** Variables named by a {@code <secret>.env} key hold a secret, not configuration, whatever their name. */
    private static Set<String> secretVariables(Map<String, String> values) {
        Set<String> names = new HashSet<>();
        values.forEach((key, value) -> {
            if (key.endsWith(KeyServiceConfig.SECRET_ENV_SUFFIX)) {
                names.add(value);
            }
        });
        return names;
    }

    private static String keyOf(String envName) {
        return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
