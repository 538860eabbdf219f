package dev.ctx.processor.rewrap;

import java.util.List;
import java.util.Objects;

/**
 * One batch for one participant.
 *
 * @param participantId whose wraps move
 * @param toVersion the participant's current ACTIVE key version, the target of every item
 * @param items at most {@link #MAX_ITEMS}
 */
public record RewrapRequest(String participantId, int toVersion, List<RewrapItem> items) {

    /** The key service's batch limit. */
    public static final int MAX_ITEMS = 500;

    public RewrapRequest {
        Objects.requireNonNull(participantId, "participantId");
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a rewrap batch holds 1.." + MAX_ITEMS + " items, not " + items.size());
        }
    }
}
