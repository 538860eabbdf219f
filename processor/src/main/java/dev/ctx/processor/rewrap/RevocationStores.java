package dev.ctx.processor.rewrap;

import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The persistent (RocksDB, changelogged) stores of revocation and shredding, beside {@link RewrapStores}. Values are
 * the issuing time of the command (epoch milliseconds, Kafka's {@code LongSerializer}: 8 bytes big-endian).
 */
public final class RevocationStores {

    /** txnId -> issuedAt of the shred command: this transaction never gets an envelope generation again. */
    public static final String SHREDDED = "rewrap-shredded";
    /** txnId, {@code 0x00}, participant -> issuedAt of the revocation: this wrap never comes back. */
    public static final String REVOKED_ACCESS = "rewrap-revoked-access";

    /**
     * The {@code rewrap-envelopes} changelog holds copies of envelopes (wraps): compacted within a day (hourly
     * segments), as {@code transactions.envelopes} itself, so a shredded or revoked wrap does not outlive its
     * tombstone or next generation there either (docs/revocation-and-shredding.md, "Compaction").
     */
    static final Map<String, String> ENVELOPES_CHANGELOG_CONFIG = Map.of(
            TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "86400000",
            TopicConfig.SEGMENT_MS_CONFIG, "3600000",
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");

    private RevocationStores() {}

    static StoreBuilder<KeyValueStore<String, Long>> shredded() {
        return longs(SHREDDED);
    }

    static StoreBuilder<KeyValueStore<String, Long>> revokedAccess() {
        return longs(REVOKED_ACCESS);
    }

    private static StoreBuilder<KeyValueStore<String, Long>> longs(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long());
    }

    static String revokedKey(String transactionId, String participant) {
        return revokedPrefix(transactionId) + participant;
    }

    static String revokedPrefix(String transactionId) {
        return transactionId + RewrapStores.SEPARATOR;
    }
}
