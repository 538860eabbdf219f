package dev.ctx.processor.rewrap;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import dev.ctx.schemas.encrypted.Envelope;

/**
 * The persistent (RocksDB, changelogged) stores of the rewrap topology. Keys are strings whose parts are joined by
 * {@link #SEPARATOR}, so a prefix scan finds every entry of one participant (docs/rewrap-topology.md, "State").
 */
public final class RewrapStores {

    /** txnId -> the latest envelope generation seen on {@code transactions.envelopes}. */
    public static final String ENVELOPES = "rewrap-envelopes";
    /** participant, key version (8 hex digits), txnId -> generation. */
    public static final String INDEX = "rewrap-index";
    /** participant, txnId -> target key version: the queued work. */
    public static final String PENDING = "rewrap-pending";
    /** participant -> the current key version already acted on. */
    public static final String ROTATIONS = "rewrap-rotations";
    /** The global store over the progress topic: every partition's remaining count per old version. */
    public static final String PROGRESS = "rewrap-progress";
    /** The global store of verified keyrings. */
    public static final String KEYRINGS = "rewrap-keyrings";

    static final char SEPARATOR = '\u0000';

    private RewrapStores() {}

    static StoreBuilder<KeyValueStore<String, Envelope>> envelopes(Serde<Envelope> envelopeSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENVELOPES), Serdes.String(), envelopeSerde)
                .withLoggingEnabled(RevocationStores.ENVELOPES_CHANGELOG_CONFIG);
    }

    static StoreBuilder<KeyValueStore<String, Integer>> index() {
        return integers(INDEX);
    }

    static StoreBuilder<KeyValueStore<String, Integer>> pending() {
        return integers(PENDING);
    }

    static StoreBuilder<KeyValueStore<String, Integer>> rotations() {
        return integers(ROTATIONS);
    }

    private static StoreBuilder<KeyValueStore<String, Integer>> integers(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Integer());
    }

    static String indexKey(String participant, int keyVersion, String transactionId) {
        return indexPrefix(participant) + String.format("%08x", keyVersion) + SEPARATOR + transactionId;
    }

    static String indexPrefix(String participant) {
        return participant + SEPARATOR;
    }

    /** The key version of an index key. */
    static int versionOf(String indexKey) {
        int start = indexKey.indexOf(SEPARATOR) + 1;
        return Integer.parseUnsignedInt(indexKey.substring(start, start + 8), 16);
    }

    /** The transaction id of an index key. */
    static String transactionOfIndexKey(String indexKey) {
        return indexKey.substring(indexKey.indexOf(SEPARATOR) + 1 + 8 + 1);
    }

    static String pendingKey(String participant, String transactionId) {
        return participant + SEPARATOR + transactionId;
    }

    static String participantOf(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }

    static String transactionOfPendingKey(String pendingKey) {
        return pendingKey.substring(pendingKey.indexOf(SEPARATOR) + 1);
    }
}
