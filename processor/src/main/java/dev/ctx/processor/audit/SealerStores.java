package dev.ctx.processor.audit;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The persistent (RocksDB, changelogged) stores of the sealer (docs/audit-sealer.md, "State"). */
public final class SealerStores {

    /**
     * partition (decimal string) -> {@link ChainHead} in its stored form v1. Cached: the head is put after every
     * entry, and the cache folds those puts into one changelog record per commit (the cache is flushed to the
     * changelog inside the commit's transaction, before the input offsets are committed).
     */
    public static final String HEADS = "audit-sealer-heads";
    /** sequence % window (i64) -> {@link SealedId} (sequence and event id): the dedup window, one slot per entry. */
    public static final String WINDOW = "audit-sealer-window";

    private SealerStores() {}

    static StoreBuilder<KeyValueStore<String, ChainHead>> heads() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HEADS), Serdes.String(), new ChainHeadSerde())
                .withCachingEnabled();
    }

    /** Not cached: every slot is a new key until the window wraps, so a cache would fold nothing. */
    static StoreBuilder<KeyValueStore<Long, SealedId>> window() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOW), Serdes.Long(), new SealedIdSerde());
    }
}
