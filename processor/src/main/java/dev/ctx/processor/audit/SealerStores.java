package dev.ctx.processor.audit;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The persistent (RocksDB, changelogged) stores of the sealer (docs/audit-sealer.md, "State"). */
public final class SealerStores {

    /** partition (decimal string) -> {@link ChainHead} in its stored form v1. */
    public static final String HEADS = "audit-sealer-heads";
    /** event id -> the sequence it was sealed at: the dedup window. */
    public static final String SEEN = "audit-sealer-seen";
    /** sequence -> event id: which id leaves the dedup window when a sequence falls out of it. */
    public static final String SEEN_ORDER = "audit-sealer-seen-order";

    private SealerStores() {}

    static StoreBuilder<KeyValueStore<String, ChainHead>> heads() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HEADS), Serdes.String(), new ChainHeadSerde())
                .withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, Long>> seen() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN), Serdes.String(), Serdes.Long());
    }

    static StoreBuilder<KeyValueStore<Long, String>> seenOrder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_ORDER), Serdes.Long(), Serdes.String());
    }
}
