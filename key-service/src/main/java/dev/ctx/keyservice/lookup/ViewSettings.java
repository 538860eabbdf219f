package dev.ctx.keyservice.lookup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the key service runs its transaction view.
 *
 * @param applicationId the Streams application id, unique per key-service replica (each replica reads every
 *     partition; see {@code docs/key-service-lookup.md})
 * @param stateDir where RocksDB keeps the store; losing it costs a restore from the changelog
 * @param topics the topics the processor writes
 * @param kafkaClient Kafka client settings, {@code bootstrap.servers} included
 * @param registryConfig serde configuration, at least {@code schema.registry.url}
 * @param timeout how long the topic check at start may wait for the broker
 */
public record ViewSettings(
        String applicationId,
        Path stateDir,
        ViewTopics topics,
        Map<String, Object> kafkaClient,
        Map<String, ?> registryConfig,
        Duration timeout) {

    public ViewSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(topics, "topics");
        kafkaClient = Map.copyOf(kafkaClient);
        registryConfig = Map.copyOf(registryConfig);
        Objects.requireNonNull(timeout, "timeout");
    }
}
