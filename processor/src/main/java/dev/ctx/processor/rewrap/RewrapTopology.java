package dev.ctx.processor.rewrap;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import dev.ctx.processor.keys.FailClosedKeyringDeserializer;
import dev.ctx.processor.keys.KeyringTrust;
import dev.ctx.processor.keys.TrustedKeyringProcessor;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.keys.ParticipantKeyring;

/**
 * The rewrap topology: {@code transactions.envelopes} into the envelope index of each task, the verified keyrings of
 * {@code participant-keys} in a global store (checked by {@link TrustedKeyringProcessor} as in the encryption
 * topology, on restore too), and the rewrap punctuator writing the next envelope generations back to
 * {@code transactions.envelopes}, {@code REWRAPPED} events to {@code access-log.events} and failures to
 * {@code transactions.dlq}, and each task's remaining counts to the progress topic, which a second global store reads
 * back for the retirement decision. {@code transactions.encrypted} is neither read nor written.
 */
public final class RewrapTopology {

    private static final String SOURCE = "rewrap-envelopes-source";
    private static final String PROCESSOR = "rewrap";

    private RewrapTopology() {}

    /**
     * Builds the topology; {@code main} and the tests call this same function.
     *
     * @param keyringSerde the {@code participant-keys} value serde
     * @param envelopeSerde the {@code transactions.envelopes} value serde
     */
    public static Topology build(
            TopicNames topics,
            Serde<ParticipantKeyring> keyringSerde,
            Serde<Envelope> envelopeSerde,
            Serde<AccessEvent> accessEventSerde,
            Serde<DeadLetter> deadLetterSerde,
            KeyringTrust trust,
            RewrapSettings settings) {
        Topology topology = new Topology();
        topology.addGlobalStore(
                Stores.timestampedKeyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(RewrapStores.KEYRINGS), Serdes.String(), keyringSerde)
                        .withLoggingDisabled(),
                "rewrap-keyrings-source",
                new StringDeserializer(),
                new FailClosedKeyringDeserializer(keyringSerde.deserializer()),
                topics.participantKeys(),
                "rewrap-keyrings",
                () -> new TrustedKeyringProcessor(RewrapStores.KEYRINGS, trust, reason -> {}));
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(RewrapStores.PROGRESS),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withLoggingDisabled(),
                "rewrap-progress-source",
                new StringDeserializer(),
                new ByteArrayDeserializer(),
                settings.progressTopic(),
                "rewrap-progress",
                ProgressStoreProcessor::new);
        topology.addSource(SOURCE, new StringDeserializer(), envelopeSerde.deserializer(), topics.envelopes());
        topology.addProcessor(PROCESSOR, () -> new RewrapProcessor(settings, topics.envelopes()), SOURCE);
        topology.addStateStore(RewrapStores.envelopes(envelopeSerde), PROCESSOR);
        topology.addStateStore(RewrapStores.index(), PROCESSOR);
        topology.addStateStore(RewrapStores.pending(), PROCESSOR);
        topology.addStateStore(RewrapStores.rotations(), PROCESSOR);
        StringSerializer keys = new StringSerializer();
        topology.addSink(
                RewrapProcessor.ENVELOPES_SINK, topics.envelopes(), keys, envelopeSerde.serializer(), PROCESSOR);
        topology.addSink(
                RewrapProcessor.EVENTS_SINK, topics.accessEvents(), keys, accessEventSerde.serializer(), PROCESSOR);
        topology.addSink(
                RewrapProcessor.DEAD_LETTERS_SINK, topics.deadLetters(), keys, deadLetterSerde.serializer(), PROCESSOR);
        topology.addSink(
                RewrapProcessor.PROGRESS_SINK, settings.progressTopic(), keys, new ByteArraySerializer(), PROCESSOR);
        return topology;
    }
}
