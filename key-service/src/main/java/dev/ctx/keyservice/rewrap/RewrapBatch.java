package dev.ctx.keyservice.rewrap;

import java.util.List;
import java.util.Objects;

import dev.ctx.keyservice.participants.ParticipantId;

/**
 * A rewrap request: move {@code participant}'s wraps in {@code items} to its key version {@code toVersion}.
 *
 * @param participant whose wraps ({@link ParticipantId#ESCROW} for the escrow wraps after an escrow rotation)
 * @param toVersion the participant's current ACTIVE version
 * @param items the envelopes, answered in this order
 */
public record RewrapBatch(ParticipantId participant, int toVersion, List<RewrapItem> items) {

    public RewrapBatch {
        Objects.requireNonNull(participant, "participant");
        items = List.copyOf(items);
    }
}
