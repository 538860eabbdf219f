package dev.ctx.client.auditlog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.serde.AvroSerdeException;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.serde.SchemaLookupException;

/**
 * Verifies an access log continuously (docs/access-log-chain.md §6, "Following the log"): reads
 * {@code access-log.checkpoints} and {@code access-log} from the beginning and then keeps reading them (read_committed,
 * no consumer group, every partition assigned), and verifies every entry and checkpoint with the chain logic of
 * {@link AccessLogVerifier} (see {@link FollowedPartition} for the order it needs). A broken partition is paused at its
 * first break and reported once; the others are followed on. {@link #run()} blocks until {@link #stop()} or an
 * interrupt; {@link #status()} may be read from any thread.
 */
public final class AccessLogFollower {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long END_OFFSET_REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    /** What the follower tells as it goes; called on the thread of {@link #run()}. */
    public interface Listener {

        /** The partitions of the entries topic, once assigned. */
        default void assigned(Set<Integer> partitions) {}

        /** Every partition read to the end offsets it had when following started. */
        default void caughtUp(List<FollowStatus> status) {}

        /** The first break of a partition (once per partition). */
        default void broken(ChainBreak chainBreak) {}
    }

    private final Map<String, Object> consumerConfig;
    private final Deserializer<SealedAccessEvent> entries;
    private final Deserializer<AccessLogCheckpoint> checkpoints;
    private final AccessLogTopics topics;
    private final SigningKeys keys;
    private final Listener listener;
    private final Map<Integer, FollowedPartition> partitions = new TreeMap<>();
    private final Map<Integer, FollowStatus> status = new ConcurrentHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * {@code consumerConfig} holds at least {@code bootstrap.servers} (plus any security settings); {@code serdeConfig}
     * the schema registry settings of {@code dev.ctx.schemas.serde}.
     */
    public AccessLogFollower(
            Map<String, Object> consumerConfig,
            Map<String, ?> serdeConfig,
            AccessLogTopics topics,
            SigningKeys keys,
            Listener listener) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.entries = ConfluentAvroSerdes.forClass(SealedAccessEvent.class, serdeConfig, false)
                .deserializer();
        this.checkpoints = ConfluentAvroSerdes.forClass(AccessLogCheckpoint.class, serdeConfig, false)
                .deserializer();
        this.topics = Objects.requireNonNull(topics, "topics");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Follows until {@link #stop()} or an interrupt of the calling thread; returns the last status. */
    public List<FollowStatus> run() {
        Properties properties = new Properties();
        properties.putAll(consumerConfig);
        KafkaConsumer<byte[], byte[]> kafka =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer = kafka;
        boolean interrupted = false;
        try {
            if (!stopped.get()) {
                follow(kafka);
            }
        } catch (WakeupException e) {
            // stop() woke the consumer
        } catch (InterruptException e) {
            interrupted = true;
        } finally {
            consumer = null;
            // the consumer closes its fetch sessions with the broker: not while the thread is interrupted
            interrupted |= Thread.interrupted();
            kafka.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return status();
    }

    /** Ends {@link #run()} soon; safe from any thread (a shutdown hook). */
    public void stop() {
        stopped.set(true);
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** The status of every partition, by partition. */
    public List<FollowStatus> status() {
        List<FollowStatus> all = new ArrayList<>(status.values());
        all.sort(Comparator.comparingInt(FollowStatus::partition));
        return all;
    }

    /** The status of {@code partition}, if it is followed. */
    public Optional<FollowStatus> status(int partition) {
        return Optional.ofNullable(status.get(partition));
    }

    private void follow(KafkaConsumer<byte[], byte[]> kafka) {
        List<TopicPartition> entryPartitions = partitions(kafka, topics.entries());
        List<TopicPartition> checkpointPartitions = partitions(kafka, topics.checkpoints());
        List<TopicPartition> all = new ArrayList<>(entryPartitions);
        all.addAll(checkpointPartitions);
        kafka.assign(all);
        kafka.seekToBeginning(all);
        Set<Integer> numbers = new TreeSet<>();
        for (TopicPartition tp : entryPartitions) {
            partitions.put(tp.partition(), new FollowedPartition(tp.partition(), topics, keys));
            numbers.add(tp.partition());
        }
        Map<TopicPartition, Long> catchUp = new HashMap<>(kafka.endOffsets(all, TIMEOUT));
        refreshEnds(kafka, entryPartitions);
        publish();
        listener.assigned(numbers);
        long lastRefresh = System.nanoTime();
        boolean caughtUp = false;
        while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
            for (ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL)) {
                handle(kafka, record);
            }
            if (System.nanoTime() - lastRefresh >= END_OFFSET_REFRESH_NANOS) {
                refreshEnds(kafka, entryPartitions);
                lastRefresh = System.nanoTime();
            }
            publish();
            if (!caughtUp && reached(kafka, catchUp)) {
                caughtUp = true;
                refreshEnds(kafka, entryPartitions);
                publish();
                listener.caughtUp(status());
            }
        }
    }

    private void handle(KafkaConsumer<byte[], byte[]> kafka, ConsumerRecord<byte[], byte[]> record) {
        boolean isEntry = record.topic().equals(topics.entries());
        FollowedPartition partition = partitions.get(record.partition());
        if (partition == null || partition.broken().isPresent()) {
            return;
        }
        try {
            if (isEntry) {
                partition.entry(record.offset(), entries.deserialize(record.topic(), record.value()));
            } else {
                partition.checkpoint(record.offset(), checkpoints.deserialize(record.topic(), record.value()));
            }
        } catch (SchemaLookupException e) {
            throw e;
        } catch (AvroSerdeException e) {
            partition.undecodable(record.topic(), record.offset(), e.getClass().getSimpleName());
        }
        Optional<ChainBreak> broken = partition.broken();
        if (broken.isPresent()) {
            kafka.pause(List.of(
                    new TopicPartition(topics.entries(), record.partition()),
                    new TopicPartition(topics.checkpoints(), record.partition())));
            listener.broken(broken.get());
        }
    }

    private void refreshEnds(KafkaConsumer<byte[], byte[]> kafka, List<TopicPartition> entryPartitions) {
        kafka.endOffsets(entryPartitions, TIMEOUT)
                .forEach((tp, end) -> partitions.get(tp.partition()).endOffset(end));
    }

    private void publish() {
        partitions.forEach((number, partition) -> status.put(number, partition.status()));
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> kafka, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (!kafka.paused().contains(end.getKey()) && kafka.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> kafka, String topic) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }
}
