package dev.ctx.cli.common;

import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** Connection options shared by the commands that talk to Kafka and the schema registry. */
public final class KafkaOptions {

    @Option(
            names = {"--bootstrap-servers", "--bootstrap-server"},
            defaultValue = "${env:CTX_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default: $CTX_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--registry-url",
            defaultValue = "${env:CTX_SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081}",
            description = "Schema registry URL (default: $CTX_SCHEMA_REGISTRY_URL or ${DEFAULT-VALUE}).")
    String registryUrl;

    /** The {@code bootstrap.servers} value. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Serde configuration pointing at the registry. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registryUrl);
        return config;
    }
}
