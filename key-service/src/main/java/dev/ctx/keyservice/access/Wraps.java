package dev.ctx.keyservice.access;

import java.util.Optional;

import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;

/** Finds a participant's wrap in an envelope (never the escrow wrap). */
final class Wraps {

    private Wraps() {}

    static Optional<RecipientWrap> find(Envelope envelope, String participantId) {
        return envelope.getWraps().stream()
                .filter(w -> w.getRecipientType() == RecipientType.PARTICIPANT
                        && w.getRecipientId().equals(participantId))
                .findFirst();
    }
}
