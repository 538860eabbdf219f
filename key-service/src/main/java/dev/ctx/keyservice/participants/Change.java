package dev.ctx.keyservice.participants;

import java.util.function.Function;

import dev.ctx.schemas.access.AccessEvent;

/**
 * The outcome of one mutation before it is committed: the new state, the event describing it and the caller's result.
 *
 * @param state the participant's new state
 * @param event the access event committed with it; null for no change
 * @param result what the operation returns once committed
 * @param <T> the result type
 */
record Change<T>(ParticipantState state, AccessEvent event, T result) {

    /** No write: the state stays as it is and nothing is committed. */
    static <T> Change<T> unchanged(ParticipantState state, T result) {
        return new Change<>(state, null, result);
    }

    boolean changesState() {
        return event != null;
    }

    <R> Change<R> map(Function<T, R> mapper) {
        return new Change<>(state, event, mapper.apply(result));
    }
}
