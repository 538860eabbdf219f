package dev.ctx.processor.rewrap;

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
