package dev.ctx.cli.consume;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.ctx.schemas.encrypted.Envelope;

/**
 * The latest envelope of every transaction on {@code transactions.envelopes} (compacted; a tombstone removes the
 * entry), read from the beginning and caught up to the (last stable) end offsets on a miss, for at most
 * {@code timeout} per catch-up.
 */
final class EnvelopeView implements AutoCloseable {

    private final Consumer<String, Envelope> consumer;
    private final Duration timeout;
    private final Map<String, Envelope> latest = new HashMap<>();
    private List<TopicPartition> partitions;

    EnvelopeView(Consumer<String, Envelope> consumer, Duration timeout) {
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /** The envelope of {@code transactionId}, catching up with the topic first if it is not known yet. */
    Optional<Envelope> find(String transactionId, String topic) {
        if (!latest.containsKey(transactionId)) {
            catchUp(topic);
        }
        return Optional.ofNullable(latest.get(transactionId));
    }

    private void catchUp(String topic) {
        if (partitions == null) {
            partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            for (ConsumerRecord<String, Envelope> record : consumer.poll(Duration.ofMillis(200))) {
                apply(record);
            }
        }
    }

    private void apply(ConsumerRecord<String, Envelope> record) {
        if (record.value() == null) {
            latest.remove(record.key());
        } else {
            latest.merge(
                    record.key(),
                    record.value(),
                    (old, next) -> next.getGeneration() >= old.getGeneration() ? next : old);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
