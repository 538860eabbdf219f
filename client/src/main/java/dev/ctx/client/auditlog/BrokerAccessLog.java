package dev.ctx.client.auditlog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.serde.AvroSerdeException;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.serde.SchemaLookupException;

/**
 * Reads {@code access-log.checkpoints} and then {@code access-log} from a broker (read_committed, no consumer group,
 * up to the end offsets of when it starts) into a sink: per partition every checkpoint, then every entry in offset
 * order, then {@link AccessLogSink#endOfEntries}. A record that does not decode goes to the sink as undecodable; an
 * unreachable registry or broker is an exception, not a break.
 *
 * <p>{@link #fromOffset}: a sound partial verification. For each partition the anchor is the last checkpoint that
 * covers only sequences before the entry at that offset; its signature is checked, the entries it covers are
 * skipped, and the first entry after it must follow its signed head hash. Without such a checkpoint the partition is
 * verified from its beginning.
 */
public final class BrokerAccessLog {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> consumerConfig;
    private final Deserializer<SealedAccessEvent> entries;
    private final Deserializer<AccessLogCheckpoint> checkpoints;
    private final AccessLogTopics topics;

    /**
     * {@code consumerConfig} holds at least {@code bootstrap.servers} (plus any security settings);
     * {@code serdeConfig} the schema registry settings of {@code dev.ctx.schemas.serde}.
     */
    public BrokerAccessLog(Map<String, Object> consumerConfig, Map<String, ?> serdeConfig, AccessLogTopics topics) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.entries = ConfluentAvroSerdes.forClass(SealedAccessEvent.class, serdeConfig, false)
                .deserializer();
        this.checkpoints = ConfluentAvroSerdes.forClass(AccessLogCheckpoint.class, serdeConfig, false)
                .deserializer();
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /** Feeds the whole log to {@code sink}. */
    public void readInto(AccessLogSink sink) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<Integer, List<Located<AccessLogCheckpoint>>> byPartition = readCheckpoints(consumer, sink);
            byPartition.values().forEach(list -> list.forEach(c -> sink.checkpoint(c.partition, c.offset, c.value)));
            readEntries(consumer, sink, Map.of());
        }
    }

    /** Feeds {@code verifier} from {@code offset} of every partition of the entries topic (see the class doc). */
    public void fromOffset(long offset, AccessLogVerifier verifier, AccessLogSink sink) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<Integer, List<Located<AccessLogCheckpoint>>> byPartition = readCheckpoints(consumer, sink);
            Map<Integer, Long> starts = new HashMap<>();
            for (Map.Entry<Integer, List<Located<AccessLogCheckpoint>>> partition : byPartition.entrySet()) {
                TopicPartition tp = new TopicPartition(topics.entries(), partition.getKey());
                List<Located<AccessLogCheckpoint>> list = partition.getValue();
                Optional<Located<AccessLogCheckpoint>> anchor = anchor(consumer, tp, offset, list);
                int from = 0;
                if (anchor.isPresent()) {
                    Located<AccessLogCheckpoint> a = anchor.get();
                    verifier.anchorAt(a.partition, a.offset, a.value);
                    starts.put(tp.partition(), firstOffsetOfSequence(consumer, tp, a.value.getLastSequence() + 1));
                    from = list.indexOf(a) + 1;
                }
                list.subList(from, list.size()).forEach(c -> sink.checkpoint(c.partition, c.offset, c.value));
            }
            readEntries(consumer, sink, starts);
        }
    }

    private Optional<Located<AccessLogCheckpoint>> anchor(
            KafkaConsumer<byte[], byte[]> consumer,
            TopicPartition tp,
            long offset,
            List<Located<AccessLogCheckpoint>> list) {
        long sequenceAtOffset =
                probe(consumer, tp, offset).map(SealedAccessEvent::getSequence).orElse(Long.MAX_VALUE);
        Located<AccessLogCheckpoint> anchor = null;
        for (Located<AccessLogCheckpoint> checkpoint : list) {
            if (checkpoint.value.getLastSequence() < sequenceAtOffset) {
                anchor = checkpoint;
            }
        }
        return Optional.ofNullable(anchor);
    }

    /** The smallest offset whose first entry at or after it has at least {@code sequence} (binary search). */
    private long firstOffsetOfSequence(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long sequence) {
        long low = consumer.beginningOffsets(List.of(tp)).get(tp);
        long high = consumer.endOffsets(List.of(tp)).get(tp);
        while (low < high) {
            long middle = low + (high - low) / 2;
            Optional<SealedAccessEvent> entry = probe(consumer, tp, middle);
            if (entry.isEmpty() || entry.get().getSequence() >= sequence) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The first decodable entry at or after {@code offset}, if any before the end. */
    private Optional<SealedAccessEvent> probe(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long offset) {
        long end = consumer.endOffsets(List.of(tp)).get(tp);
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (consumer.position(tp) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                try {
                    return Optional.of(entries.deserialize(record.topic(), record.value()));
                } catch (SchemaLookupException e) {
                    throw e;
                } catch (AvroSerdeException e) {
                    // an undecodable record is reported when the entries are read; probe the next one
                }
            }
        }
        return Optional.empty();
    }

    private Map<Integer, List<Located<AccessLogCheckpoint>>> readCheckpoints(
            KafkaConsumer<byte[], byte[]> consumer, AccessLogSink sink) {
        Map<Integer, List<Located<AccessLogCheckpoint>>> byPartition = new TreeMap<>();
        for (TopicPartition tp : partitions(consumer, topics.entries())) {
            byPartition.put(tp.partition(), new ArrayList<>());
        }
        readTopic(consumer, topics.checkpoints(), Map.of(), record -> {
            try {
                AccessLogCheckpoint checkpoint = checkpoints.deserialize(record.topic(), record.value());
                byPartition
                        .computeIfAbsent(record.partition(), p -> new ArrayList<>())
                        .add(new Located<>(record.partition(), record.offset(), checkpoint));
            } catch (SchemaLookupException e) {
                throw e;
            } catch (AvroSerdeException e) {
                sink.undecodable(record.topic(), record.partition(), record.offset(), record.value(), reason(e));
            }
        });
        return byPartition;
    }

    private void readEntries(KafkaConsumer<byte[], byte[]> consumer, AccessLogSink sink, Map<Integer, Long> starts) {
        Map<Integer, Long> ends = readTopic(consumer, topics.entries(), starts, record -> {
            SealedAccessEvent entry;
            try {
                entry = entries.deserialize(record.topic(), record.value());
            } catch (SchemaLookupException e) {
                throw e;
            } catch (AvroSerdeException e) {
                sink.undecodable(record.topic(), record.partition(), record.offset(), record.value(), reason(e));
                return;
            }
            sink.entry(record.partition(), record.offset(), keyOf(record), entry);
        });
        ends.forEach(sink::endOfEntries);
    }

    /** Reads every partition of {@code topic} from {@code starts} (or the beginning) to its end offset of now. */
    private Map<Integer, Long> readTopic(
            KafkaConsumer<byte[], byte[]> consumer,
            String topic,
            Map<Integer, Long> starts,
            Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        for (TopicPartition tp : partitions) {
            Long start = starts.get(tp.partition());
            if (start != null) {
                consumer.seek(tp, start);
            }
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!reachedEnd(consumer, ends)) {
            var records = consumer.poll(POLL);
            if (records.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no progress reading " + topic + " for " + TIMEOUT);
                }
                continue;
            }
            deadline = System.nanoTime() + TIMEOUT.toNanos();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    handler.accept(record);
                }
            }
        }
        Map<Integer, Long> byPartition = new TreeMap<>();
        ends.forEach((tp, end) -> byPartition.put(tp.partition(), end));
        return byPartition;
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.putAll(consumerConfig);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String keyOf(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String reason(AvroSerdeException e) {
        return e.getClass().getSimpleName();
    }

    private record Located<T>(int partition, long offset, T value) {}
}
