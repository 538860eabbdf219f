package dev.ctx.processor.audit;

import java.util.Objects;

/**
 * One slot of the dedup window: the event id sealed at {@code sequence}. Stored under the key
 * {@code sequence % window} by {@link SealedIdSerde}, so sealing an entry overwrites the id that leaves the window.
 *
 * @param sequence the sequence the event was sealed at
 * @param eventId the event's id
 */
record SealedId(long sequence, String eventId) {

    SealedId {
        Objects.requireNonNull(eventId, "eventId");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        }
    }
}
