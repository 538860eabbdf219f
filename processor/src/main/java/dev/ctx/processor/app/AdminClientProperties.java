package dev.ctx.processor.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

import dev.ctx.processor.config.ProcessorConfig;

/**
 * The properties of the admin client that checks and creates topics at startup: {@code bootstrap.servers}, then every
 * {@code streams.} override that is an admin-client setting (so {@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}, timeouts and {@code config.providers} reach the admin client as they reach Kafka Streams' own
 * clients), then the {@code streams.admin.}-prefixed overrides, as Kafka Streams applies them to its admin client.
 * Consumer-, producer- and Streams-only settings are left out. The result holds credentials: never log it.
 */
public final class AdminClientProperties {

    private static final Set<String> ADMIN_KEYS = AdminClientConfig.configNames();
    private static final String CONFIG_PROVIDERS = "config.providers";

    private AdminClientProperties() {}

    /** The admin client properties for this processor configuration. */
    public static Map<String, Object> of(ProcessorConfig config) {
        return of(config.bootstrapServers(), config.streamsOverrides());
    }

    /**
     * @param bootstrapServers the processor's {@code bootstrap.servers}
     * @param streamsOverrides the {@code streams.}-prefixed settings without their prefix
     */
    public static Map<String, Object> of(String bootstrapServers, Map<String, ?> streamsOverrides) {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        streamsOverrides.forEach((key, value) -> {
            if (ADMIN_KEYS.contains(key) || key.equals(CONFIG_PROVIDERS) || key.startsWith(CONFIG_PROVIDERS + ".")) {
                props.put(key, value);
            }
        });
        streamsOverrides.forEach((key, value) -> {
            if (key.startsWith(StreamsConfig.ADMIN_CLIENT_PREFIX)) {
                props.put(key.substring(StreamsConfig.ADMIN_CLIENT_PREFIX.length()), value);
            }
        });
        return props;
    }
}
