package dev.ctx.cli.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import dev.ctx.schemas.access.AccessEvent;

/**
 * Reads {@code access-log.events} as an auditor does ({@code read_committed}, from the beginning): only events whose
 * Kafka transaction was committed are seen.
 */
final class CommittedAccessEvents {

    private final String bootstrapServers;
    private final String topic;
    private final Deserializer<AccessEvent> deserializer;

    CommittedAccessEvents(String bootstrapServers, String topic, Deserializer<AccessEvent> deserializer) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.deserializer = deserializer;
    }

    /**
     * The committed events matching {@code filter}, read until at least {@code expected} matched and the read reached
     * the topic's last stable offset, or until {@code timeout}.
     */
    List<AccessEvent> await(Predicate<AccessEvent> filter, int expected, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<AccessEvent> matching = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    AccessEvent event = deserializer.deserialize(topic, record.value());
                    if (filter.test(event)) {
                        matching.add(event);
                    }
                }
                if (matching.size() >= expected && reachedEnd(consumer, partitions)) {
                    break;
                }
            }
            return matching;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }
}
