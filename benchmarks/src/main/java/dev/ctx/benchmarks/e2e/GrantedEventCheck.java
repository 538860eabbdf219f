package dev.ctx.benchmarks.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;

/**
 * Every granted answer against the committed audit log: reads the whole access-event topic {@code read_committed}
 * and matches its {@code ACCESS_GRANTED} events to the {@code eventId}s of the {@code 200} answers.
 *
 * @param grantedAnswers {@code 200} answers of access requests (warm-up and readiness probes included)
 * @param answerEventIds of those, answers that named an event id
 * @param grantedEvents committed {@code ACCESS_GRANTED} events
 * @param answersWithExactlyOneEvent answers whose event id is on exactly one committed event
 * @param eventsWithoutAnswer committed grants no {@code 200} answer named (e.g. a request that timed out client-side)
 */
record GrantedEventCheck(
        long grantedAnswers,
        long answerEventIds,
        long grantedEvents,
        long answersWithExactlyOneEvent,
        long eventsWithoutAnswer) {

    /** Reads {@code topic} to its end and matches it with {@code answerIds}. */
    static GrantedEventCheck read(
            BenchmarkEnvironment environment, String topic, long grantedAnswers, List<String> answerIds) {
        Map<String, Long> events = grantedEventCounts(environment, topic);
        Map<String, Long> answers = answerIds.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        long exactlyOne = answers.entrySet().stream()
                .filter(answer -> answer.getValue() == 1 && events.getOrDefault(answer.getKey(), 0L) == 1)
                .count();
        long withoutAnswer =
                events.keySet().stream().filter(id -> !answers.containsKey(id)).count();
        long granted = events.values().stream().mapToLong(Long::longValue).sum();
        return new GrantedEventCheck(grantedAnswers, answerIds.size(), granted, exactlyOne, withoutAnswer);
    }

    /** True when every granted answer has exactly one committed event and no event lacks its answer. */
    boolean exact() {
        return grantedAnswers == answerEventIds
                && answersWithExactlyOneEvent == grantedAnswers
                && grantedEvents == grantedAnswers
                && eventsWithoutAnswer == 0;
    }

    private static Map<String, Long> grantedEventCounts(BenchmarkEnvironment environment, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        Map<String, Long> counts = new HashMap<>();
        try (KafkaConsumer<String, AccessEvent> consumer = new KafkaConsumer<>(
                config,
                new StringDeserializer(),
                environment.serde(AccessEvent.class).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, AccessEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.value().getType() == AccessEventType.ACCESS_GRANTED) {
                        counts.merge(String.valueOf(record.value().getEventId()), 1L, Long::sum);
                    }
                }
            }
            if (!reached(consumer, end)) {
                throw new IllegalStateException("did not read " + topic + " to its end within 2 minutes");
            }
        }
        return counts;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
