package dev.ctx.cli.audit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.ctx.cli.common.KafkaOptions;
import dev.ctx.client.auditlog.AccessLogTopics;
import dev.ctx.client.auditlog.BrokerAccessLog;

/** The access log to read: an export file ({@code --file}) or the two topics of a broker. */
final class LogSourceOptions {

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "Read an export file (JSON Lines, docs/access-log-chain.md §7) instead of a broker.")
    Path file;

    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--entries-topic",
            defaultValue = "access-log",
            description = "Chained entries topic (default: ${DEFAULT-VALUE}).")
    String entriesTopic;

    @Option(
            names = "--checkpoints-topic",
            defaultValue = "access-log.checkpoints",
            description = "Checkpoints topic (default: ${DEFAULT-VALUE}).")
    String checkpointsTopic;

    AccessLogTopics topics() {
        return new AccessLogTopics(entriesTopic, checkpointsTopic);
    }

    BrokerAccessLog broker() {
        return new BrokerAccessLog(consumerConfig(), kafka.serdeConfig(), topics());
    }

    /** A consumer configuration for this broker (client id {@code ctx-audit}). */
    Map<String, Object> consumerConfig() {
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "ctx-audit");
        return consumer;
    }

    String describe() {
        return file != null ? file.toString() : kafka.bootstrapServers();
    }
}
