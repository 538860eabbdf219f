package dev.ctx.processor.rewrap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;

/**
 * The latest envelope per transaction and the (participant, key version) index over its wraps, with the number of
 * index entries per (participant, key version) kept in memory (rebuilt from the store when the task starts): the
 * count the task reports to the progress topic.
 */
final class EnvelopeIndex {

    private final KeyValueStore<String, Envelope> envelopes;
    private final KeyValueStore<String, Integer> index;
    private final Map<String, Long> counts = new HashMap<>();

    EnvelopeIndex(KeyValueStore<String, Envelope> envelopes, KeyValueStore<String, Integer> index) {
        this.envelopes = envelopes;
        this.index = index;
        try (KeyValueIterator<String, Integer> all = index.all()) {
            all.forEachRemaining(entry -> counts.merge(versionPrefixOf(entry.key), 1L, Long::sum));
        }
    }

    /** The envelopes of this task whose wrap for {@code participant} names {@code version}. */
    long count(String participant, int version) {
        return counts.getOrDefault(RewrapProgress.prefixOf(participant, version), 0L);
    }

    /** The key versions of {@code participant} that at least one envelope of this task wraps under. */
    List<Integer> versionsOf(String participant) {
        String prefix = RewrapStores.indexPrefix(participant);
        List<Integer> versions = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count > 0 && key.startsWith(prefix) && key.length() == prefix.length() + 9) {
                versions.add(RewrapStores.versionOf(key));
            }
        });
        return versions;
    }

    Optional<Envelope> envelope(String transactionId) {
        return Optional.ofNullable(envelopes.get(transactionId));
    }

    /** Replaces the indexed envelope of its transaction with {@code envelope}. */
    void put(Envelope envelope) {
        remove(envelope.getTransactionId());
        envelopes.put(envelope.getTransactionId(), envelope);
        for (RecipientWrap wrap : envelope.getWraps()) {
            String key =
                    RewrapStores.indexKey(wrap.getRecipientId(), wrap.getKeyVersion(), envelope.getTransactionId());
            if (index.get(key) == null) {
                counts.merge(versionPrefixOf(key), 1L, Long::sum);
            }
            index.put(key, envelope.getGeneration());
        }
    }

    /** Removes the transaction's envelope and its index entries; returns the removed envelope. */
    Optional<Envelope> remove(String transactionId) {
        Optional<Envelope> held = envelope(transactionId);
        held.ifPresent(old -> {
            for (RecipientWrap wrap : old.getWraps()) {
                String key = RewrapStores.indexKey(wrap.getRecipientId(), wrap.getKeyVersion(), transactionId);
                if (index.delete(key) != null) {
                    counts.merge(versionPrefixOf(key), -1L, Long::sum);
                }
            }
            envelopes.delete(transactionId);
        });
        return held;
    }

    /** The transactions holding a wrap of {@code participant} under a key version lower than {@code version}. */
    List<String> olderThan(String participant, int version) {
        List<String> found = new ArrayList<>();
        try (KeyValueIterator<String, Integer> entries =
                index.prefixScan(RewrapStores.indexPrefix(participant), new StringSerializer())) {
            while (entries.hasNext()) {
                KeyValue<String, Integer> entry = entries.next();
                if (RewrapStores.versionOf(entry.key) < version) {
                    found.add(RewrapStores.transactionOfIndexKey(entry.key));
                }
            }
        }
        return found;
    }

    /** {@code participant 0x00 version 0x00} of an index key. */
    private static String versionPrefixOf(String indexKey) {
        return indexKey.substring(0, indexKey.indexOf(RewrapStores.SEPARATOR) + 1 + 8 + 1);
    }

    /** The wrap of {@code participant} in {@code envelope}, if it has one. */
    static Optional<RecipientWrap> wrapOf(Envelope envelope, String participant) {
        return envelope.getWraps().stream()
                .filter(wrap -> wrap.getRecipientId().equals(participant))
                .findFirst();
    }
}
