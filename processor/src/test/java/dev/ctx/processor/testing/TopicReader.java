package dev.ctx.processor.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads every record of a topic from the beginning with a group-less consumer. */
public final class TopicReader {

    private TopicReader() {}

    /**
     * Reads {@code topic} until at least {@code atLeast} records arrived and the end of every partition is reached.
     *
     * @throws AssertionError if that takes longer than {@code timeout}
     */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(
            String bootstrapServers, String topic, IsolationLevel isolation, int atLeast, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers, isolation))) {
            List<TopicPartition> partitions = fromBeginning(consumer, topic);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (records.size() < atLeast || !atEnd(consumer, partitions)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("read " + records.size() + " of at least " + atLeast + " records from "
                            + topic + " within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Waits until {@code topic} holds at least {@code atLeast} records and returns how many were read by then. Unlike
     * {@link #readAll} it does not chase the end of a topic that keeps growing (a running pipeline with a feed).
     *
     * @throws AssertionError if fewer arrive within {@code timeout}
     */
    public static int awaitAtLeast(
            String bootstrapServers, String topic, IsolationLevel isolation, int atLeast, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers, isolation))) {
            fromBeginning(consumer, topic);
            int read = 0;
            Instant deadline = Instant.now().plus(timeout);
            while (read < atLeast) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("read " + read + " of at least " + atLeast + " records from " + topic
                            + " within " + timeout);
                }
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read;
        }
    }

    /**
     * Waits until some partition of {@code topic} holds records of a still open transaction (its high watermark is past
     * its last stable offset).
     *
     * @throws AssertionError if none shows up within {@code timeout}
     */
    public static void awaitOpenTransaction(String bootstrapServers, String topic, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> committed =
                        new KafkaConsumer<>(config(bootstrapServers, IsolationLevel.READ_COMMITTED));
                KafkaConsumer<byte[], byte[]> uncommitted =
                        new KafkaConsumer<>(config(bootstrapServers, IsolationLevel.READ_UNCOMMITTED))) {
            List<TopicPartition> partitions = partitions(committed, topic);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, Long> stable = committed.endOffsets(partitions);
                Map<TopicPartition, Long> written = uncommitted.endOffsets(partitions);
                if (partitions.stream().anyMatch(p -> written.get(p) > stable.get(p))) {
                    return;
                }
            }
            throw new AssertionError("no open transaction on " + topic + " within " + timeout);
        }
    }

    /** The end offset of every partition of {@code topic}: the last stable offset with {@code read_committed}. */
    public static Map<TopicPartition, Long> endOffsets(
            String bootstrapServers, String topic, IsolationLevel isolation) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers, isolation))) {
            return consumer.endOffsets(partitions(consumer, topic));
        }
    }

    /**
     * Waits until the last stable offset of every partition in {@code written} reached its offset there, i.e. every
     * transaction that had written below those offsets was committed or aborted.
     *
     * @throws AssertionError if that takes longer than {@code timeout}
     */
    public static void awaitResolved(
            String bootstrapServers, String topic, Map<TopicPartition, Long> written, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Map<TopicPartition, Long> stable = endOffsets(bootstrapServers, topic, IsolationLevel.READ_COMMITTED);
            if (written.entrySet().stream().allMatch(e -> stable.get(e.getKey()) >= e.getValue())) {
                return;
            }
        }
        throw new AssertionError("transactions on " + topic + " still open after " + timeout);
    }

    /** Assigns every partition of {@code topic} to {@code consumer}, positioned at its beginning. */
    private static List<TopicPartition> fromBeginning(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
    }

    private static Map<String, Object> config(String bootstrapServers, IsolationLevel isolation) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolation.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
    }
}
