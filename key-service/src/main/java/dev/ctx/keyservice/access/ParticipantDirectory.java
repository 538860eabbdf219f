package dev.ctx.keyservice.access;

import java.util.Optional;

import dev.ctx.keyservice.participants.InvalidParticipantIdException;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantState;
import dev.ctx.keyservice.participants.ParticipantStates;

/** The registry entries the decider reads (status, KYC, allowed purposes). Thread-safe. */
@FunctionalInterface
public interface ParticipantDirectory {

    /** The entry of {@code id}; empty if unknown or not a valid participant id. */
    Optional<Participant> find(String id);

    /** Reads the replayed registry. */
    static ParticipantDirectory of(ParticipantStates states) {
        return id -> {
            try {
                return states.get(ParticipantId.parse(id)).map(ParticipantState::participant);
            } catch (InvalidParticipantIdException e) {
                return Optional.empty();
            }
        };
    }
}
