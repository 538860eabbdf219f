package dev.ctx.keyservice.store;

import dev.ctx.keyservice.participants.StoreUnavailableException;

/** Where the Kafka store stands; only {@link State#READY} accepts writes. Thread-safe. */
final class StoreHealth {

    /** READY accepts writes; RECOVERING settles a write with an unknown outcome; FATAL never recovers. */
    enum State {
        READY,
        RECOVERING,
        FATAL
    }

    private volatile State state = State.READY;

    State state() {
        return state;
    }

    void ready() {
        state = State.READY;
    }

    void recovering() {
        state = State.RECOVERING;
    }

    void fatal() {
        state = State.FATAL;
    }

    boolean isRecovering() {
        return state == State.RECOVERING;
    }

    /** False once the producer was fenced or failed fatally: the process must restart. */
    boolean isAlive() {
        return state != State.FATAL;
    }

    /** True while writes are accepted. */
    boolean isReady() {
        return state == State.READY;
    }

    /** @throws StoreUnavailableException unless {@link #isReady()} */
    void requireReady() {
        switch (state) {
            case READY -> {}
            case RECOVERING ->
                throw new StoreUnavailableException(
                        "the store is recovering from a write with an unknown outcome", null);
            case FATAL ->
                throw new StoreUnavailableException("the store's producer was fenced or failed fatally", null);
        }
    }
}
