package dev.ctx.schemas.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.common.config.ConfigException;

/**
 * The one reader of the processor's and the key service's configuration files: a UTF-8 Java properties file whose
 * every key must be one the component knows. Stateless.
 */
public final class ConfigFiles {

    private ConfigFiles() {}

    /**
     * Reads {@code file} into a sorted map of its keys and (untrimmed) values.
     *
     * @param isKnown which keys the component accepts
     * @param unknownKey the exception for the first (in sorted order) key it does not accept
     * @throws ConfigException if the file cannot be read
     */
    public static Map<String, String> read(
            Path file, Predicate<String> isKnown, Function<String, ConfigException> unknownKey) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        values.keySet().stream().filter(isKnown.negate()).findFirst().ifPresent(key -> {
            throw unknownKey.apply(key);
        });
        return values;
    }
}
