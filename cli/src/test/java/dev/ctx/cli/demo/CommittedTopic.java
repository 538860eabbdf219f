package dev.ctx.cli.demo;

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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Every committed record of a topic, read once from the beginning to the last stable offset (read_committed). */
final class CommittedTopic<V> {

    private final List<ConsumerRecord<String, V>> records;

    private CommittedTopic(List<ConsumerRecord<String, V>> records) {
        this.records = records;
    }

    static <V> CommittedTopic<V> read(String bootstrapServers, String topic, Deserializer<V> values) {
        List<ConsumerRecord<String, V>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5_000),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(new ConsumerRecord<>(
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            record.value() == null ? null : values.deserialize(topic, record.value())));
                }
            }
        }
        return new CommittedTopic<>(read);
    }

    List<V> values() {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    /** The last value per key, in first-seen key order. */
    Map<String, V> latest() {
        Map<String, V> latest = new LinkedHashMap<>();
        records.forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }
}
