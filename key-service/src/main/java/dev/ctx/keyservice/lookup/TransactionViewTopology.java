package dev.ctx.keyservice.lookup;

import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;

/**
 * The view topology: {@code transactions.encrypted} and {@code transactions.envelopes} (values read as bytes, decoded
 * in the processors) into one persistent RocksDB store keyed by transaction id, with a changelog. Both sources share
 * the store, so they form one sub-topology whose task {@code i} reads partition {@code i} of both topics: the view
 * relies on the processor writing both with the same key (the transaction id) to topics with the same partition
 * count ({@link CoPartitioning} checks the counts at start). {@code main} and the tests call this same function.
 */
public final class TransactionViewTopology {

    /** The queryable store: transaction id to {@link ViewEntry} ({@link ViewEntryFormatV1}). */
    public static final String STORE = "transaction-view";

    /**
     * The changelog ({@code <application id>-transaction-view-changelog}) is compacted within a day (hourly segments),
     * so the wraps a shredded entry replaced do not outlive the shredding by more than that, as on {@code key-custody}.
     */
    static final Map<String, String> CHANGELOG_CONFIG = Map.of(
            TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "86400000",
            TopicConfig.SEGMENT_MS_CONFIG, "3600000",
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");

    private TransactionViewTopology() {}

    public static Topology build(ViewTopics topics, ViewSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(STORE), Serdes.String(), new ViewEntrySerde())
                .withLoggingEnabled(CHANGELOG_CONFIG));
        SourceDecoder<EncryptedTransaction> records = new SourceDecoder<>(serdes.encrypted());
        SourceDecoder<Envelope> envelopes = new SourceDecoder<>(serdes.envelope());
        builder.stream(
                        topics.encrypted(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("encrypted"))
                .process(() -> new EncryptedRecordProcessor(records), Named.as("encrypted-view"), STORE);
        builder.stream(
                        topics.envelopes(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("envelopes"))
                .process(() -> new EnvelopeProcessor(envelopes), Named.as("envelopes-view"), STORE);
        return builder.build();
    }
}
