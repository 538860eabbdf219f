package dev.ctx.cli.audit;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.auditlog.CanonicalAccessEvent;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;

/**
 * Reads {@code access-log} from a broker as an auditor does: {@code read_committed}, every partition from the
 * beginning, without a consumer group, and only up to the end offsets (last stable offsets) taken when reading starts,
 * so the read ends even while the sealer keeps appending. An entry that does not deserialize or whose {@code event}
 * is not a canonical {@code AccessEvent} fails the read with its partition and offset: nothing is skipped.
 */
public final class KafkaAuditLogSource implements AuditLogSource {

    private final String bootstrapServers;
    private final String topic;
    private final Deserializer<SealedAccessEvent> deserializer;
    private final Duration timeout;

    /**
     * @param serdeConfig Confluent serde configuration ({@code schema.registry.url})
     * @param timeout how long the whole read may take before it fails
     */
    public KafkaAuditLogSource(
            String bootstrapServers, String topic, Map<String, Object> serdeConfig, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.deserializer = ConfluentAvroSerdes.forClass(SealedAccessEvent.class, serdeConfig, false)
                .deserializer();
        this.timeout = timeout;
    }

    @Override
    public void read(Consumer<AuditEntry> sink) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new AuditLogReadException("topic " + topic + " does not exist at " + bootstrapServers);
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AuditLogReadException(
                            "reading " + topic + " did not reach the end offsets " + end + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        sink.accept(decode(record));
                    }
                }
            }
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private AuditEntry decode(ConsumerRecord<byte[], byte[]> record) {
        String where = topic + " partition " + record.partition() + " offset " + record.offset();
        SealedAccessEvent sealed;
        try {
            sealed = deserializer.deserialize(topic, record.value());
        } catch (RuntimeException e) {
            throw new AuditLogReadException(where + " is not a SealedAccessEvent: " + e.getMessage(), e);
        }
        if (sealed == null) {
            throw new AuditLogReadException(where + " has no value");
        }
        return entry(sealed, record.partition(), record.offset(), where);
    }

    /** Decodes the entry's canonical event; a failure names {@code where}. */
    static AuditEntry entry(SealedAccessEvent sealed, int partition, long offset, String where) {
        ByteBuffer event = sealed.getEvent().duplicate();
        byte[] canonical = new byte[event.remaining()];
        event.get(canonical);
        AccessEvent decoded;
        try {
            decoded = CanonicalAccessEvent.decode(canonical);
        } catch (RuntimeException e) {
            throw new AuditLogReadException(where + ": the sealed event does not decode: " + e.getMessage(), e);
        }
        return new AuditEntry(partition, offset, sealed.getSequence(), sealed.getSealedAt(), decoded);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "ctx-audit-" + ProcessHandle.current().pid()),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @Override
    public String description() {
        return topic + " @ " + bootstrapServers;
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
