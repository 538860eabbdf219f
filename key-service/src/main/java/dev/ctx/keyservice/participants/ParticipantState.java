package dev.ctx.keyservice.participants;

import java.util.Objects;

import dev.ctx.keyservice.custody.CustodyRecord;

/**
 * Everything the service holds for one participant: the public entry and the sealed private keys. This is the unit a
 * {@link ParticipantStore} commits.
 *
 * @param participant registry entry and public keyring
 * @param custody sealed private key versions
 */
public record ParticipantState(Participant participant, CustodyRecord custody) {

    public ParticipantState {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(custody, "custody");
        if (!custody.participantId().equals(participant.id().value())) {
            throw new IllegalArgumentException("custody record belongs to another participant");
        }
    }
}
