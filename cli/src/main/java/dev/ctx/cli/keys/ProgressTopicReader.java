package dev.ctx.cli.keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.ctx.processor.rewrap.RewrapProgress;

/**
 * Reads the rewrap job's compacted progress topic once, from the beginning to the last stable offset
 * (read_committed: only counts whose Kafka transaction committed), keeping the latest record per key; records that are
 * not the layout are skipped. Also tells the partition count of {@code transactions.envelopes}.
 */
final class ProgressTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;

    ProgressTopicReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    int partitionsOf(String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).size();
    }

    List<RewrapProgress> latest(String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        Map<String, byte[]> latest = new LinkedHashMap<>();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                latest.put(record.key(), record.value());
            }
        }
        List<RewrapProgress> parsed = new ArrayList<>();
        latest.forEach((key, value) -> RewrapProgress.parse(key, value).ifPresent(parsed::add));
        return parsed;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
