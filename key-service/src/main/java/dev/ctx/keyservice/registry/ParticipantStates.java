package dev.ctx.keyservice.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The in-memory view of every participant's committed state, and the only place that changes it: one writer at a time
 * per participant, store commit first, memory second. Thread-safe.
 */
public final class ParticipantStates {

    private final StateStore store;
    private final Map<ParticipantId, ParticipantState> states;
    private final Map<ParticipantId, ReentrantLock> locks = new ConcurrentHashMap<>();

    private ParticipantStates(StateStore store, Map<ParticipantId, ParticipantState> states) {
        this.store = store;
        this.states = states;
    }

    /** Replays the store's committed state into memory. */
    public static ParticipantStates load(StateStore store) {
        return new ParticipantStates(store, new ConcurrentHashMap<>(store.load()));
    }

    public Optional<ParticipantState> get(ParticipantId id) {
        return Optional.ofNullable(states.get(id));
    }

    public ParticipantState require(ParticipantId id) {
        return get(id).orElseThrow(() -> new NotFoundException("participant " + id + " does not exist"));
    }

    /** All participants, ordered by id. */
    public List<ParticipantState> all() {
        return states.values().stream().sorted(Comparator.comparing(s -> s.participant().id().value())).toList();
    }

    /**
     * Runs {@code operation} on the participant's current state while holding its lock, commits the resulting change and
     * only then makes it visible. If {@code operation} or the commit throws, nothing changes.
     */
    <T> T update(ParticipantId id, Function<Optional<ParticipantState>, Change<T>> operation) {
        ReentrantLock lock = locks.computeIfAbsent(id, ignored -> new ReentrantLock());
        lock.lock();
        try {
            Change<T> change = operation.apply(get(id));
            if (change.changesState()) {
                store.commit(change.state(), change.event());
                states.put(id, change.state());
            }
            return change.result();
        } finally {
            lock.unlock();
        }
    }
}
