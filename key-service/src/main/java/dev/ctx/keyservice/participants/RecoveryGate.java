package dev.ctx.keyservice.participants;

import java.util.Map;
import java.util.function.Supplier;

/**
 * How the in-memory view takes part in a store's recovery after a write with an unknown outcome: it runs the store's
 * replay while no change is in flight and installs the state the replay returns.
 */
@FunctionalInterface
public interface RecoveryGate {

    /** A gate with no in-memory view behind it: runs the replay and discards its result. */
    RecoveryGate NONE = replay -> {
        var unused = replay.get(); // no in-memory view to install the result in
    };

    /**
     * Runs {@code replay} with every change held back, then makes its result the committed state. If {@code replay}
     * throws, nothing changes and the exception propagates.
     */
    void replaceWith(Supplier<Map<ParticipantId, ParticipantState>> replay);
}
