package dev.ctx.processor.dedup;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The deduplication store: persistent (RocksDB) key-value store, transaction id to {@link FirstSeen}, with a compacted
 * changelog topic {@code <application.id>-transaction-ids-changelog} (Kafka Streams creates and names it).
 *
 * <p>Retention: none. The store holds one entry (key plus 50 bytes of value) per transaction id ever accepted, so it
 * grows without bound, like the compacted {@code transactions.envelopes} topic it protects: an entry that expired
 * would let a later record with that id reach the sealer and overwrite the envelope again. Size it with the envelope
 * topic (about 100 bytes per id, on disk and in the changelog).
 */
public final class DeduplicationStore {

    /** Store name; the changelog topic is {@code <application.id>-transaction-ids-changelog}. */
    public static final String NAME = "transaction-ids";

    private DeduplicationStore() {}

    public static StoreBuilder<KeyValueStore<String, FirstSeen>> builder() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NAME), Serdes.String(), FirstSeenSerde.create());
    }
}
