package dev.ctx.processor.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.config.ConfigException;

import dev.ctx.schemas.config.ConfigFiles;

/**
 * Builds a {@link ProcessorConfig} from a properties file overridden by environment variables: {@code CTX_} followed
 * by the key in upper case with dots as underscores ({@code CTX_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers},
 * {@code CTX_STREAMS_SECURITY_PROTOCOL} sets {@code streams.security.protocol}). Environment variables that name no
 * processor key are ignored (other ctx components share the prefix); an unknown key in the file is an error.
 */
public final class ProcessorConfigLoader {

    /** Prefix of environment variables read as configuration. */
    public static final String ENV_PREFIX = "CTX_";

    private static final Set<String> KNOWN = ProcessorConfig.configDef().names();

    private ProcessorConfigLoader() {}

    /**
     * @param file a properties file, or {@code null} for environment variables only
     * @param env the environment, usually {@link System#getenv()}
     * @throws ConfigException naming the first unknown, missing or invalid key, or the unreadable file
     */
    public static ProcessorConfig load(Path file, Map<String, String> env) {
        Map<String, String> values = new TreeMap<>();
        if (file != null) {
            values.putAll(readFile(file));
        }
        values.putAll(fromEnvironment(env));
        return ProcessorConfig.of(values);
    }

    static Map<String, String> readFile(Path file) {
        Map<String, String> values = ConfigFiles.read(
                file,
                ProcessorConfigLoader::isKnown,
                key -> new ConfigException("Unknown configuration key '" + key + "' in " + file
                        + " (prefix Kafka Streams settings with '" + ProcessorConfig.STREAMS_PREFIX
                        + "', serde settings with '" + ProcessorConfig.SERDE_PREFIX + "')"));
        values.replaceAll((key, value) -> value.trim());
        return values;
    }

    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                String key = name.substring(ENV_PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '.');
                if (isKnown(key)) {
                    values.put(key, value.trim());
                }
            }
        });
        return values;
    }

    private static boolean isKnown(String key) {
        return KNOWN.contains(key)
                || key.startsWith(ProcessorConfig.STREAMS_PREFIX)
                || key.startsWith(ProcessorConfig.SERDE_PREFIX);
    }
}
