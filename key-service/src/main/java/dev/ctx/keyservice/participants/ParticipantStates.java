package dev.ctx.keyservice.participants;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.ctx.keyservice.custody.KeyStatusListener;

/**
 * The in-memory view of every participant's committed state, and the only place that changes it: one writer at a time
 * per participant, store commit first, memory second. Thread-safe.
 *
 * <p>Changes hold the shared side of a store-wide lock from reading the current state to applying the committed one; a
 * store recovery ({@link RecoveryGate}) holds the exclusive side while it replays the log and swaps the whole view, so
 * no change is ever computed from a state the replay replaced, and no change acknowledged after the swap is lost.
 */
public final class ParticipantStates {

    private final ParticipantStore store;
    private final Map<ParticipantId, ParticipantState> states;
    private final Map<ParticipantId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock storeWide = new ReentrantReadWriteLock();
    private final KeyStatusChanges changes = new KeyStatusChanges();

    private ParticipantStates(ParticipantStore store, Map<ParticipantId, ParticipantState> states) {
        this.store = store;
        this.states = states;
    }

    /** Replays the store's committed state into memory. */
    public static ParticipantStates load(ParticipantStore store) {
        ParticipantStates states = new ParticipantStates(store, new ConcurrentHashMap<>(store.load()));
        store.onRecovery(states::replaceWith);
        return states;
    }

    /**
     * Registers {@code listener} for every change committed from now on (see {@link KeyStatusListener}); a store
     * recovery tells it that every participant changed.
     */
    public void addKeyStatusListener(KeyStatusListener listener) {
        changes.add(listener);
    }

    /** Replaces the whole view with what {@code replay} read from the store, with no change in flight. */
    private void replaceWith(Supplier<Map<ParticipantId, ParticipantState>> replay) {
        List<ParticipantId> affected;
        storeWide.writeLock().lock();
        try {
            Map<ParticipantId, ParticipantState> replayed = replay.get();
            affected = Stream.concat(states.keySet().stream(), replayed.keySet().stream())
                    .distinct()
                    .toList();
            states.keySet().retainAll(replayed.keySet());
            states.putAll(replayed);
        } finally {
            storeWide.writeLock().unlock();
        }
        affected.forEach(id -> changes.replaced(id.value()));
    }

    public Optional<ParticipantState> get(ParticipantId id) {
        return Optional.ofNullable(states.get(id));
    }

    public ParticipantState require(ParticipantId id) {
        return get(id).orElseThrow(() -> new NotFoundException("participant " + id + " does not exist"));
    }

    /** The state in {@code current}; @throws NotFoundException naming {@code id} when there is none */
    static ParticipantState found(ParticipantId id, Optional<ParticipantState> current) {
        return current.orElseThrow(() -> new NotFoundException("participant " + id + " does not exist"));
    }

    /** All participants, ordered by id. */
    public List<ParticipantState> all() {
        return states.values().stream()
                .sorted(Comparator.comparing(s -> s.participant().id().value()))
                .toList();
    }

    /**
     * Runs {@code operation} on the participant's current state while holding its lock, commits the resulting change
     * and only then makes it visible. If {@code operation} or the commit throws, nothing changes.
     */
    <T> T update(ParticipantId id, Function<Optional<ParticipantState>, Change<T>> operation) {
        ReentrantLock lock = locks.computeIfAbsent(id, ignored -> new ReentrantLock());
        Optional<ParticipantState> before;
        Change<T> change;
        lock.lock();
        storeWide.readLock().lock();
        try {
            before = get(id);
            change = operation.apply(before);
            if (change.changesState()) {
                store.commit(change.state(), change.event());
                states.put(id, change.state());
            }
        } finally {
            storeWide.readLock().unlock();
            lock.unlock();
        }
        if (change.changesState()) {
            changes.committed(before, change.state()); // outside the locks: a listener may wait for an open in flight
        }
        return change.result();
    }
}
