package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a compacted topic from the beginning to its last committed offset (read_committed) and keeps the last value per
 * key; a tombstone removes the key. Aborted transactions are never seen.
 */
final class TopicReplayer {

    private TopicReplayer() {
    }

    static <V> Map<String, V> replay(Map<String, Object> clientProperties, String topic, Function<byte[], V> decode) {
        Map<String, V> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(clientProperties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(latest, record, decode);
                }
            }
        }
        return latest;
    }

    private static <V> void apply(Map<String, V> latest, ConsumerRecord<String, byte[]> record, Function<byte[], V> decode) {
        if (record.value() == null) {
            latest.remove(record.key());
        } else {
            latest.put(record.key(), decode.apply(record.value()));
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
