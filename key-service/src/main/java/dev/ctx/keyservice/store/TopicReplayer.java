package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a compacted topic from the beginning to its last committed offset (read_committed) and keeps the last value per
 * key; a tombstone removes the key. Aborted transactions are never seen.
 */
final class TopicReplayer {

    private TopicReplayer() {}

    /**
     * @param stallTimeout how long a metadata call may block, and how long the replay may go without progress, before
     * it        fails with a {@link TimeoutException} (the broker went away)
     */
    static <V> Map<String, V> replay(
            Map<String, Object> clientProperties, Duration stallTimeout, String topic, Function<byte[], V> decode) {
        Map<String, V> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(clientProperties, stallTimeout)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long lastProgress = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(record -> apply(latest, record, decode));
                lastProgress = records.isEmpty() ? failIfStalled(topic, lastProgress, stallTimeout) : System.nanoTime();
            }
        }
        return latest;
    }

    private static long failIfStalled(String topic, long lastProgress, Duration stallTimeout) {
        if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
            throw new TimeoutException("replay of " + topic + " made no progress for " + stallTimeout);
        }
        return lastProgress;
    }

    private static <V> void apply(
            Map<String, V> latest, ConsumerRecord<String, byte[]> record, Function<byte[], V> decode) {
        if (record.value() == null) {
            latest.remove(record.key());
        } else {
            latest.put(record.key(), decode.apply(record.value()));
        }
    }

    /** A read_committed consumer without group or auto-commit, reading from the earliest offset. */
    static KafkaConsumer<String, byte[]> consumer(Map<String, Object> clientProperties, Duration stallTimeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) stallTimeout.toMillis());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
