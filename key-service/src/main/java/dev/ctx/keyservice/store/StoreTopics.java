package dev.ctx.keyservice.store;

import java.util.Objects;

/**
 * The topic names the store uses.
 *
 * @param participantKeys compacted, public keyrings (read by the processor and SDK)
 * @param keyCustody compacted, sealed private keys (key service only)
 * @param accessEvents access events (delete policy)
 */
public record StoreTopics(String participantKeys, String keyCustody, String accessEvents) {

    public StoreTopics {
        Objects.requireNonNull(participantKeys, "participantKeys");
        Objects.requireNonNull(keyCustody, "keyCustody");
        Objects.requireNonNull(accessEvents, "accessEvents");
    }

    /** The names from the design: {@code participant-keys}, {@code key-custody}, {@code access-log.events}. */
    public static StoreTopics defaults() {
        return new StoreTopics("participant-keys", "key-custody", "access-log.events");
    }

    /** Test topics: the default names with a suffix. */
    public static StoreTopics withSuffix(String suffix) {
        return new StoreTopics("participant-keys" + suffix, "key-custody" + suffix, "access-log.events" + suffix);
    }
}
