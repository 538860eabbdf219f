package dev.ctx.keyservice.testing;

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
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.ctx.schemas.access.AccessEvent;

/** Reads a store's {@code access-log.events} topic (read_committed, from the beginning to the current end). */
public final class AccessLog {

    private AccessLog() {}

    public static List<AccessEvent> read(StoreFixture service) {
        try (var serde = service.serde(AccessEvent.class);
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                service.config.clientProperties().get("bootstrap.servers"),
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            String topic = service.config.topics().accessEvents();
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<AccessEvent> events = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    events.add(serde.deserialize(topic, r.value()));
                }
            }
            return events;
        }
    }

    /**
     * Reads until at least {@code count} events match (denial events are written asynchronously), or fails after
     * {@code timeout}.
     */
    public static List<AccessEvent> awaitAtLeast(
            StoreFixture service, Predicate<AccessEvent> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<AccessEvent> matching = read(service).stream().filter(filter).toList();
            if (matching.size() >= count || System.nanoTime() > deadline) {
                return matching;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return matching;
            }
        }
    }
}
