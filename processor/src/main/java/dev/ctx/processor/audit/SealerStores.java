package dev.ctx.processor.audit;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The persistent (RocksDB, changelogged) stores of the sealer (docs/audit-sealer.md, "State"). */
public final class SealerStores {

    /**
     * partition (decimal string) -> {@link ChainHead} in its stored form v1. Written at the commit ({@link
     * CommitTimeKeyValueStore}): the head is put after every entry, and the commit writes it once, inside the commit's
     * transaction, before the input offsets are committed.
     */
    public static final String HEADS = "audit-sealer-heads";
    /**
     * block slot (i64) -> {@link SealedIdBlock} (the ids of 64 consecutive sequences): the dedup window. Written at
     * the commit ({@link CommitTimeKeyValueStore}): the put after each entry replaces the pending block, so a commit
     * writes each changed block once.
     */
    public static final String WINDOW = "audit-sealer-window";

    private SealerStores() {}

    static StoreBuilder<KeyValueStore<String, ChainHead>> heads() {
        return new CommitTimeStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(HEADS), Serdes.String(), new ChainHeadSerde()));
    }

    static StoreBuilder<KeyValueStore<Long, SealedIdBlock>> window() {
        return new CommitTimeStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WINDOW), Serdes.Long(), SealedIdBlock.serde()));
    }
}
