package dev.ctx.cli.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.ctx.cli.common.KafkaOptions;

/** Where {@code search} and {@code report} read the sealed log: broker, registry, topic and read timeout. */
final class AuditSourceOptions {

    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--topic",
            defaultValue = "access-log",
            description = "The sealed access log topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--timeout",
            defaultValue = "120",
            paramLabel = "SECONDS",
            description = "Fail when reading to the end takes longer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** A consumer configuration for this broker (client id {@code ctx-audit}). */
    Map<String, Object> consumerConfig() {
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "ctx-audit");
        return consumer;
    }

    AuditLogSource open() {
        return new KafkaAuditLogSource(
                kafka.bootstrapServers(), topic, kafka.serdeConfig(), Duration.ofSeconds(timeoutSeconds));
    }
}
