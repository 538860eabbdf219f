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
    private static final String COMMANDS_SOURCE = "rewrap-envelope-commands-source";

    /** The rewrap index's processor, the {@link EnvelopeGate}'s child. */
    static final String REWRAP_PROCESSOR = PROCESSOR;

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
        topology.addProcessor(EnvelopeGate.NAME, () -> new EnvelopeGate(settings.source()), SOURCE);
        topology.addProcessor(PROCESSOR, () -> new RewrapProcessor(settings, topics.envelopes()), EnvelopeGate.NAME);
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
        addRevocation(topology, topics, envelopeSerde, accessEventSerde, deadLetterSerde, settings);
        topology.addSink(
                RewrapProcessor.PROGRESS_SINK, settings.progressTopic(), keys, new ByteArraySerializer(), PROCESSOR);
        return topology;
    }

    /**
     * Revocation and shredding (docs/revocation-and-shredding.md): the command source and its processor share the
     * rewrap stores with the gate in front of the index, so commands and envelopes of one transaction are applied in
     * one task, in the task's Kafka transaction; their own sinks write to the same topics.
     */
    private static void addRevocation(
            Topology topology,
            TopicNames topics,
            Serde<Envelope> envelopeSerde,
            Serde<AccessEvent> accessEventSerde,
            Serde<DeadLetter> deadLetterSerde,
            RewrapSettings settings) {
        topology.addSource(
                COMMANDS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.envelopeCommands());
        topology.addProcessor(
                EnvelopeCommandProcessor.NAME, () -> new EnvelopeCommandProcessor(settings), COMMANDS_SOURCE);
        String[] writers = {EnvelopeGate.NAME, EnvelopeCommandProcessor.NAME};
        topology.connectProcessorAndStateStores(EnvelopeGate.NAME, RewrapStores.ENVELOPES, RewrapStores.INDEX);
        topology.connectProcessorAndStateStores(
                EnvelopeCommandProcessor.NAME, RewrapStores.ENVELOPES, RewrapStores.INDEX);
        topology.addStateStore(RevocationStores.shredded(), writers);
        topology.addStateStore(RevocationStores.revokedAccess(), writers);
        StringSerializer keys = new StringSerializer();
        topology.addSink(
                EnvelopeCommandProcessor.ENVELOPES_SINK, topics.envelopes(), keys, envelopeSerde.serializer(), writers);
        topology.addSink(
                EnvelopeCommandProcessor.EVENTS_SINK,
                topics.accessEvents(),
                keys,
                accessEventSerde.serializer(),
                writers);
        topology.addSink(
                EnvelopeCommandProcessor.DEAD_LETTERS_SINK,
                topics.deadLetters(),
                keys,
                deadLetterSerde.serializer(),
                EnvelopeCommandProcessor.NAME);
    }
}
