package dev.ctx.processor.topology;

import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import dev.ctx.processor.dedup.DeduplicationStore;
import dev.ctx.processor.dedup.DuplicateIdGuard;
import dev.ctx.processor.encrypt.EncryptProcessor;
import dev.ctx.processor.encrypt.EncryptionOutcome;
import dev.ctx.processor.encrypt.EncryptionSettings;
import dev.ctx.processor.keys.FailClosedKeyringDeserializer;
import dev.ctx.processor.keys.KeyringTrust;
import dev.ctx.processor.keys.TrustedKeyringProcessor;
import dev.ctx.processor.metrics.ProcessorMetrics;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.schemas.keys.ParticipantKeyring;

/**
 * The encryption topology: {@code transactions} through the encryption step into {@code transactions.encrypted},
 * {@code transactions.envelopes}, {@code access-log.events}, {@code transactions.receipts} and
 * {@code transactions.dlq}, with the keyrings of
 * {@code participant-keys} in an in-memory global store that keeps only keyrings signed by the pinned key-service key
 * (an undecodable or untrusted keyring disables its participant), and the transaction-id deduplication store
 * ({@link DeduplicationStore}) in front of the encryption step, so a repeated id never replaces or shreds an envelope.
 * Every output of one input, and its deduplication store update, is written in the same task, so under
 * {@code exactly_once_v2} they commit together.
 */
public final class EncryptionTopology {

    /** Name of the global store over {@code participant-keys}. */
    public static final String KEYRING_STORE = "participant-keyrings";

    private EncryptionTopology() {}

    /**
     * Builds the topology; {@code main} and the tests call this same function.
     *
     * @param trust the pinned keyring-signing key and escrow fingerprints every keyring is checked against
     */
    public static Topology build(
            TopicNames topics, TopologySerdes serdes, EncryptionSettings settings, KeyringTrust trust) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<ParticipantKeyring> keyrings = Serdes.serdeFrom(
                serdes.keyring().serializer(),
                new FailClosedKeyringDeserializer(serdes.keyring().deserializer()));
        ProcessorMetrics keyringMetrics = settings.metrics();
        // a global store fed by a processor (not globalTable) so every keyring is verified, on restore too
        builder.addGlobalStore(
                Stores.timestampedKeyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(KEYRING_STORE), Serdes.String(), keyrings)
                        .withLoggingDisabled(),
                topics.participantKeys(),
                Consumed.with(Serdes.String(), keyrings).withName("keyrings-source"),
                () -> new TrustedKeyringProcessor(
                        KEYRING_STORE, trust, reason -> keyringMetrics.untrustedKeyring(reason.tag())));
        builder.addStateStore(DeduplicationStore.builder());
        KStream<String, EncryptionOutcome> outcomes = builder.stream(
                        topics.transactions(),
                        Consumed.with(Serdes.String(), serdes.transaction()).withName("transactions-source"))
                .processValues(
                        () -> new DuplicateIdGuard(
                                new EncryptProcessor(settings, KEYRING_STORE),
                                settings.metrics(),
                                DeduplicationStore.NAME),
                        Named.as("encrypt"),
                        DeduplicationStore.NAME);
        ProcessorMetrics metrics = settings.metrics();
        sink(outcomes, "encrypted", EncryptionOutcome::encrypted, topics.encrypted(), serdes.encrypted(), metrics);
        sink(outcomes, "envelopes", EncryptionOutcome::envelope, topics.envelopes(), serdes.envelope(), metrics);
        sink(
                outcomes,
                "access-events",
                EncryptionOutcome::accessEvent,
                topics.accessEvents(),
                serdes.accessEvent(),
                metrics);
        sink(
                outcomes,
                "dead-letters",
                EncryptionOutcome::deadLetter,
                topics.deadLetters(),
                serdes.deadLetter(),
                metrics);
        sink(outcomes, "receipts", EncryptionOutcome::receipt, topics.receipts(), serdes.receipt(), metrics);
        return builder.build();
    }

    private static <V> void sink(
            KStream<String, EncryptionOutcome> outcomes,
            String name,
            Function<EncryptionOutcome, List<V>> select,
            String topic,
            Serde<V> serde,
            ProcessorMetrics metrics) {
        outcomes.flatMapValues(select::apply, Named.as(name + "-select"))
                .peek((key, value) -> metrics.recordsOut(topic, 1), Named.as(name + "-count"))
                .to(topic, Produced.with(Serdes.String(), serde).withName(name + "-sink"));
    }
}
