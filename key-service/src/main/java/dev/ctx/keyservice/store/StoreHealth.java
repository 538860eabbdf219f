package dev.ctx.keyservice.store;

import java.util.function.Supplier;

import dev.ctx.keyservice.participants.NotLeaderException;
import dev.ctx.keyservice.participants.StoreUnavailableException;

/** Where the Kafka store stands; only {@link State#READY} accepts writes. Thread-safe. */
final class StoreHealth {

    /**
     * READY accepts writes; RECOVERING settles a write with an unknown outcome (or takes over as the newly elected
     * leader); FOLLOWER is a replica that another one leads (reads only); FATAL never recovers.
     */
    enum State {
        READY,
        RECOVERING,
        FOLLOWER,
        FATAL
    }

    private volatile State state;
    private volatile Supplier<String> leader = () -> null;

    StoreHealth() {
        this(State.READY);
    }

    StoreHealth(State initial) {
        this.state = initial;
    }

    State state() {
        return state;
    }

    void ready() {
        state = State.READY;
    }

    void recovering() {
        state = State.RECOVERING;
    }

    void follower() {
        if (state != State.FATAL) {
            state = State.FOLLOWER;
        }
    }

    void fatal() {
        state = State.FATAL;
    }

    /** Who leads, for the refusal a follower gives ({@code service.instance}, null if unknown). */
    void leaderHint(Supplier<String> hint) {
        this.leader = hint;
    }

    boolean isRecovering() {
        return state == State.RECOVERING;
    }

    boolean isFollower() {
        return state == State.FOLLOWER;
    }

    /** False once the producer was fenced or failed fatally: the process must restart. */
    boolean isAlive() {
        return state != State.FATAL;
    }

    /** True while writes are accepted. */
    boolean isReady() {
        return state == State.READY;
    }

    /** @throws StoreUnavailableException unless {@link #isReady()}; a {@link NotLeaderException} on a follower */
    void requireReady() {
        switch (state) {
            case READY -> {}
            case RECOVERING ->
                throw new StoreUnavailableException(
                        "the store is recovering from a write with an unknown outcome", null);
            case FOLLOWER -> throw new NotLeaderException(leader.get());
            case FATAL ->
                throw new StoreUnavailableException("the store's producer was fenced or failed fatally", null);
        }
    }
}
