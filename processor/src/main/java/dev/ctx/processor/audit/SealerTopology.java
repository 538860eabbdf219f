package dev.ctx.processor.audit;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StreamPartitioner;

import dev.ctx.processor.topics.AuditTopicNames;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.auditlog.SealedAccessEventWriter;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;

/**
 * The sealer topology: {@code access-log.events} -> {@link SealerProcessor} (stores {@link SealerStores}) ->
 * {@code access-log} and {@code access-log.checkpoints}, each record written to the partition named in it (the
 * partition it was read from), and unsealable events to the dead-letter topic. Undecodable records never reach the
 * processor: the deserialization handler sends them to the dead-letter topic.
 */
public final class SealerTopology {

    private static final String SOURCE = "audit-sealer-source";
    private static final String PROCESSOR = "audit-sealer";

    private SealerTopology() {}

    /**
     * The serde of the entries the sealer writes to {@code access-log}: Confluent-framed Avro whose bodies {@link
     * SealedAccessEventWriter} writes (the bytes of Avro's writer, without its reflection; Avro's writer if the
     * compiled-in entry schema is not the one it writes). {@code main} and the benchmarks build the sealer with it.
     *
     * @param serdeConfig serde configuration; at least {@code schema.registry.url}
     */
    public static ConfluentAvroSerde<SealedAccessEvent> entrySerde(Map<String, ?> serdeConfig) {
        return ConfluentAvroSerdes.forClass(
                SealedAccessEvent.class, serdeConfig, false, SealedAccessEventWriter.forCompiledSchema());
    }

    /**
     * Builds the topology; {@code main}, the benchmarks and the tests call this same function.
     *
     * @param deadLetterTopic the dead-letter topic of the processor
     */
    public static Topology build(
            AuditTopicNames topics,
            String deadLetterTopic,
            Serde<AccessEvent> accessEventSerde,
            Serde<SealedAccessEvent> sealedSerde,
            Serde<AccessLogCheckpoint> checkpointSerde,
            Serde<DeadLetter> deadLetterSerde,
            SealerSettings settings) {
        Topology topology = new Topology();
        topology.addSource(
                SOURCE, new StringDeserializer(), SealerInputDeserializer.of(accessEventSerde), topics.accessEvents());
        topology.addProcessor(PROCESSOR, () -> new SealerProcessor(settings), SOURCE);
        topology.addStateStore(SealerStores.heads(), PROCESSOR);
        topology.addStateStore(SealerStores.window(), PROCESSOR);
        StringSerializer keys = new StringSerializer();
        StreamPartitioner<String, SealedAccessEvent> entryPartition =
                (topic, key, entry, partitions) -> Optional.of(Set.of(entry.getPartition()));
        StreamPartitioner<String, AccessLogCheckpoint> checkpointPartition =
                (topic, key, checkpoint, partitions) -> Optional.of(Set.of(checkpoint.getPartition()));
        topology.addSink(
                SealerProcessor.LOG_SINK,
                topics.accessLog(),
                keys,
                sealedSerde.serializer(),
                entryPartition,
                PROCESSOR);
        topology.addSink(
                SealerProcessor.CHECKPOINTS_SINK,
                topics.checkpoints(),
                keys,
                checkpointSerde.serializer(),
                checkpointPartition,
                PROCESSOR);
        topology.addSink(
                SealerProcessor.DEAD_LETTERS_SINK, deadLetterTopic, keys, deadLetterSerde.serializer(), PROCESSOR);
        return topology;
    }
}
