package dev.ctx.schemas.schemaregistry;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Typed reads from a Kafka-style configuration map whose values may be strings, numbers, booleans or
 * {@link Password}s. Error messages name the key, never a secret value.
 */
public final class ConfigValues {

    private final Map<String, ?> values;

    /** Copies {@code values}, dropping null values. */
    public ConfigValues(Map<String, ?> values) {
        this.values = values.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Returns the value of {@code key} as a trimmed non-empty string, or empty. */
    public Optional<String> string(String key) {
        Object value = values.get(key);
        String text = value instanceof Password password ? password.value() : value == null ? null : value.toString();
        return Optional.ofNullable(text).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Returns the value of {@code key} as characters (for passwords), or null when absent. */
    public char[] secret(String key) {
        return string(key).map(String::toCharArray).orElse(null);
    }

    /** Returns the value of {@code key} as a boolean, or {@code fallback} when absent. */
    public boolean bool(String key, boolean fallback) {
        Optional<String> text = string(key);
        if (text.isPresent()
                && !text.get().equalsIgnoreCase("true")
                && !text.get().equalsIgnoreCase("false")) {
            throw new ConfigException(key + " must be true or false");
        }
        return text.map(Boolean::parseBoolean).orElse(fallback);
    }

    /** Returns the value of {@code key} as a long no smaller than {@code min}, or {@code fallback} when absent. */
    public long number(String key, long fallback, long min) {
        long value;
        try {
            value = string(key).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be an integer");
        }
        if (value < min) {
            throw new ConfigException(key + " must be >= " + min);
        }
        return value;
    }
}
