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
 * docs/audit-sealer.md).
 *
 * <p>Durable state: the ids in blocks of {@link SealedIdBlock#SIZE} consecutive sequences, block {@code b} stored
 * under slot {@code b % slots} with {@code slots = ceil(window / 64) + 1}, so a new block overwrites one whose ids
 * have all left the window and nothing is ever deleted. The store writes at the commit: the put after each entry
 * replaces the pending block, and a commit writes each block it changed once to RocksDB and the changelog. Lookups go
 * to an in-memory index of the window, built from the store when the task seals its first entry (after the restore).
 */
final class SealedIds {

    private final KeyValueStore<Long, SealedIdBlock> store;
    private final long window;
    private final long slots;
    /** Sized up front for up to 2^17 ids, so a filling window does not rehash again and again. */
    private final Map<String, Long> sequences;

    private final ArrayDeque<Sealed> order = new ArrayDeque<>();
    private SealedIdBlock block;

    SealedIds(KeyValueStore<Long, SealedIdBlock> store, long window) {
        this.store = store;
        this.window = window;
        this.slots = (window + SealedIdBlock.SIZE - 1) / SealedIdBlock.SIZE + 1;
        this.sequences = new HashMap<>((int) (Math.min(window, 1 << 17) * 4 / 3 + 1));
    }

    /**
     * Rebuilds the index from the store for a chain whose next entry is {@code nextSequence}: the ids sealed at
     * {@code nextSequence - window .. nextSequence - 1}. An id stored for a later sequence (written by a transaction
     * that never committed its head) is ignored and overwritten when that sequence is sealed.
     */
    void load(long nextSequence) {
        sequences.clear();
        order.clear();
        List<Sealed> live = new ArrayList<>();
        SealedIdBlock.Parsed current = null;
        long currentFirst = nextSequence - nextSequence % SealedIdBlock.SIZE;
        try (KeyValueIterator<Long, SealedIdBlock> stored = store.all()) {
            while (stored.hasNext()) {
                SealedIdBlock.Parsed parsed = stored.next().value.parsed();
                if (parsed.firstSequence() == currentFirst) {
                    current = parsed;
                }
                for (int i = 0; i < parsed.ids().size(); i++) {
                    long sequence = parsed.firstSequence() + i;
                    String id = parsed.ids().get(i);
                    if (!id.isEmpty() && sequence < nextSequence && sequence >= nextSequence - window) {
                        live.add(new Sealed(sequence, id));
                    }
                }
            }
        }
        live.sort(Comparator.comparingLong(Sealed::sequence));
        live.forEach(this::index);
        block = SealedIdBlock.resume(nextSequence, current);
    }

    boolean contains(String eventId) {
        return sequences.containsKey(eventId);
    }

    /** Remembers {@code eventId} at {@code sequence}, the next one, and forgets the id {@code window} earlier. */
    void remember(String eventId, long sequence) {
        if (block == null || block.full()) {
            block = SealedIdBlock.starting(sequence);
        }
        if (block.nextSequence() != sequence) {
            throw new IllegalStateException("sealed " + sequence + " where " + block.nextSequence() + " was next");
        }
        block.add(eventId);
        store.put(block.firstSequence() / SealedIdBlock.SIZE % slots, block);
        index(new Sealed(sequence, eventId));
    }

    private void index(Sealed sealed) {
        order.addLast(sealed);
        sequences.put(sealed.eventId(), sealed.sequence());
        long oldest = sealed.sequence() - window;
        while (!order.isEmpty() && order.peekFirst().sequence() <= oldest) {
            Sealed evicted = order.pollFirst();
            sequences.remove(evicted.eventId(), evicted.sequence());
        }
    }

    private record Sealed(long sequence, String eventId) {}
}
