package dev.ctx.processor.audit;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ids of the last {@code window} entries sealed in a partition. An event whose id is among them is a duplicate
 * and is not chained again; an id older than the window is forgotten, so a duplicate arriving more than
 * {@code window} entries later is sealed a second time (the verifier still sees a valid chain; see
 * docs/audit-sealer.md). Two stores keep it bounded: id -> sequence, and sequence -> id to evict the oldest.
 */
final class SealedIds {

    private final KeyValueStore<String, Long> seen;
    private final KeyValueStore<Long, String> order;
    private final long window;

    SealedIds(KeyValueStore<String, Long> seen, KeyValueStore<Long, String> order, long window) {
        this.seen = seen;
        this.order = order;
        this.window = window;
    }

    boolean contains(String eventId) {
        return seen.get(eventId) != null;
    }

    /** Remembers {@code eventId} at {@code sequence} and forgets the id sealed {@code window} entries earlier. */
    void remember(String eventId, long sequence) {
        seen.put(eventId, sequence);
        order.put(sequence, eventId);
        long evicted = sequence - window;
        if (evicted < 0) {
            return;
        }
        String old = order.delete(evicted);
        if (old != null && Long.valueOf(evicted).equals(seen.get(old))) {
            seen.delete(old);
        }
    }
}
