package dev.ctx.processor.rewrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;

/** The latest envelope per transaction and the (participant, key version) index over its wraps. */
final class EnvelopeIndex {

    private final KeyValueStore<String, Envelope> envelopes;
    private final KeyValueStore<String, Integer> index;

    EnvelopeIndex(KeyValueStore<String, Envelope> envelopes, KeyValueStore<String, Integer> index) {
        this.envelopes = envelopes;
        this.index = index;
    }

    Optional<Envelope> envelope(String transactionId) {
        return Optional.ofNullable(envelopes.get(transactionId));
    }

    /** Replaces the indexed envelope of its transaction with {@code envelope}. */
    void put(Envelope envelope) {
        remove(envelope.getTransactionId());
        envelopes.put(envelope.getTransactionId(), envelope);
        for (RecipientWrap wrap : envelope.getWraps()) {
            index.put(
                    RewrapStores.indexKey(wrap.getRecipientId(), wrap.getKeyVersion(), envelope.getTransactionId()),
                    envelope.getGeneration());
        }
    }

    /** Removes the transaction's envelope and its index entries; returns the removed envelope. */
    Optional<Envelope> remove(String transactionId) {
        Optional<Envelope> held = envelope(transactionId);
        held.ifPresent(old -> {
            for (RecipientWrap wrap : old.getWraps()) {
                index.delete(RewrapStores.indexKey(wrap.getRecipientId(), wrap.getKeyVersion(), transactionId));
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

    /** The wrap of {@code participant} in {@code envelope}, if it has one. */
    static Optional<RecipientWrap> wrapOf(Envelope envelope, String participant) {
        return envelope.getWraps().stream()
                .filter(wrap -> wrap.getRecipientId().equals(participant))
                .findFirst();
    }
}
