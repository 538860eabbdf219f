package dev.ctx.keyservice.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Configuration lookup: environment variable {@code CTX_KEYSVC_<KEY>} (key upper-cased, {@code .} and {@code -} as
 * {@code _}) wins over the properties file. Typed getters fail with the key's name.
 */
public final class ConfigSource {

    private final Map<String, String> file;
    private final Map<String, String> env;

    public ConfigSource(Map<String, String> file, Map<String, String> env) {
        this.file = Map.copyOf(file);
        this.env = Map.copyOf(env);
    }

    public static ConfigSource load(Path propertiesFile, Map<String, String> env) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + propertiesFile + " (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
        return new ConfigSource(values, env);
    }

    static String envName(String key) {
        return "CTX_KEYSVC_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> optional(String key) {
        String value = env.getOrDefault(envName(key), file.get(key));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public String required(String key) {
        return optional(key).orElseThrow(() -> new ConfigException(key + " is required"));
    }

    public int integer(String key, int fallback, int min, int max) {
        String raw = string(key, Integer.toString(fallback));
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be an integer");
        }
    }

    public boolean bool(String key, boolean fallback) {
        String raw = string(key, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
        if (!raw.equals("true") && !raw.equals("false")) {
            throw new ConfigException(key + " must be true or false");
        }
        return Boolean.parseBoolean(raw);
    }

    /** An ISO-8601 duration such as {@code P90D} or {@code PT1H}, strictly positive. */
    public Duration duration(String key, Duration fallback) {
        try {
            Duration value = optional(key).map(Duration::parse).orElse(fallback);
            if (value.isNegative() || value.isZero()) {
                throw new ConfigException(key + " must be a positive duration");
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new ConfigException(key + " must be an ISO-8601 duration such as P90D or PT1H");
        }
    }

    /**
     * A secret named by {@code <key>.env} (an environment variable name) or {@code <key>.file} (a file path); never a
     * literal value in the config.
     */
    public char[] secret(String key) {
        Optional<String> envVar = optional(key + ".env");
        if (envVar.isPresent()) {
            String value = env.get(envVar.get());
            if (value == null || value.isEmpty()) {
                throw new ConfigException(key + ".env names " + envVar.get() + ", which is not set");
            }
            return value.toCharArray();
        }
        Path file = Path.of(optional(key + ".file").orElseThrow(() -> new ConfigException(key + ".env or " + key + ".file is required")));
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new ConfigException(key + ".file cannot be read");
        }
    }

    /** Every key (file and environment) under {@code prefix}, with the prefix removed. */
    public Map<String, Object> withPrefix(String prefix) {
        Map<String, Object> result = new HashMap<>();
        file.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                result.put(k.substring(prefix.length()), optional(k).orElse(v));
            }
        });
        return result;
    }
}
