package dev.ctx.processor.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ids of the last {@code window} entries sealed in the task's partition. An event whose id is among them is a
 * duplicate and is not chained again; an id older than the window is forgotten, so a duplicate arriving more than
 * {@code window} entries later is sealed a second time (the verifier still sees a valid chain; see
 * docs/audit-sealer.md). Durable state is one store record per sealed entry, keyed by {@code sequence % window}: the
 * entry that enters the window overwrites the one that leaves it, so nothing is ever deleted and the store holds at
 * most {@code window} records. Lookups go to an in-memory index of the same ids, built from the store when the task
 * seals its first entry (after the restore) and kept in step with it.
 */
final class SealedIds {

    private final KeyValueStore<Long, SealedId> store;
    private final long window;
    private final Map<String, Long> sequences = new HashMap<>();
    private final ArrayDeque<SealedId> order = new ArrayDeque<>();

    SealedIds(KeyValueStore<Long, SealedId> store, long window) {
        this.store = store;
        this.window = window;
    }

    /**
     * Rebuilds the index from the store for a chain whose next entry is {@code nextSequence}: the slots holding
     * sequences {@code nextSequence - window .. nextSequence - 1}. A slot holding a later sequence (written by a
     * transaction that never committed its head) is ignored; its slot is overwritten when that sequence is sealed.
     */
    void load(long nextSequence) {
        sequences.clear();
        order.clear();
        List<SealedId> live = new ArrayList<>();
        try (KeyValueIterator<Long, SealedId> slots = store.all()) {
            slots.forEachRemaining(slot -> {
                long sequence = slot.value.sequence();
                if (sequence < nextSequence && sequence >= nextSequence - window) {
                    live.add(slot.value);
                }
            });
        }
        live.sort(Comparator.comparingLong(SealedId::sequence));
        live.forEach(this::index);
    }

    boolean contains(String eventId) {
        return sequences.containsKey(eventId);
    }

    /** Remembers {@code eventId} at {@code sequence} (one store write) and forgets the id {@code window} earlier. */
    void remember(String eventId, long sequence) {
        SealedId sealed = new SealedId(sequence, eventId);
        store.put(sequence % window, sealed);
        index(sealed);
    }

    private void index(SealedId sealed) {
        order.addLast(sealed);
        sequences.put(sealed.eventId(), sealed.sequence());
        long oldest = sealed.sequence() - window;
        while (!order.isEmpty() && order.peekFirst().sequence() <= oldest) {
            SealedId evicted = order.pollFirst();
            sequences.remove(evicted.eventId(), evicted.sequence());
        }
    }
}
