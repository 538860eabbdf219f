package dev.ctx.keyservice.participants;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.custody.KeyStatusListener;

/** Computes what a committed change did to a participant's keys and tells every {@link KeyStatusListener}. */
final class KeyStatusChanges {

    private static final Logger LOGGER = LoggerFactory.getLogger(KeyStatusChanges.class);

    private final List<KeyStatusListener> listeners = new CopyOnWriteArrayList<>();

    void add(KeyStatusListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Tells the listeners what changed from {@code before} to {@code after}; nothing for an unchanged state. */
    void committed(Optional<ParticipantState> before, ParticipantState after) {
        Participant next = after.participant();
        String id = next.id().value();
        if (before.isPresent() && before.get().participant().status() != next.status()) {
            notify(id, listener -> listener.participantChanged(id));
        }
        for (KeyVersion key : next.keys()) {
            Optional<KeyVersion> old =
                    before.flatMap(state -> state.participant().key(key.version()));
            if (old.isEmpty() || old.get().status() != key.status()) {
                notify(id, listener -> listener.keyStatusChanged(id, key.version(), key.status()));
            }
        }
    }

    /** A store recovery replaced the state of {@code participantId}. */
    void replaced(String participantId) {
        notify(participantId, listener -> listener.participantChanged(participantId));
    }

    private void notify(String participantId, Consumer<KeyStatusListener> call) {
        for (KeyStatusListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOGGER.atError()
                        .addKeyValue("participantId", participantId)
                        .addKeyValue("error", e.getClass().getSimpleName())
                        .log("key status listener failed");
            }
        }
    }
}
