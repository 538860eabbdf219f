package dev.ctx.processor.rewrap;

import java.time.Instant;
import java.util.List;

import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;

/** Builds the next generation of an envelope with one participant's wrap replaced; the seal id stays. */
final class NextGeneration {

    private NextGeneration() {}

    static Envelope of(Envelope current, RecipientWrap replacement, Instant at) {
        List<RecipientWrap> wraps = current.getWraps().stream()
                .map(wrap -> wrap.getRecipientId().equals(replacement.getRecipientId())
                        ? RecipientWrap.newBuilder(replacement)
                                .setRecipientType(wrap.getRecipientType())
                                .build()
                        : wrap)
                .toList();
        return Envelope.newBuilder(current)
                .setGeneration(current.getGeneration() + 1)
                .setCreatedAt(at)
                .setWraps(wraps)
                .build();
    }
}
