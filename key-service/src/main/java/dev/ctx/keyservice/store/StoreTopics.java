package dev.ctx.keyservice.store;

import java.util.List;
import java.util.Objects;

import org.apache.kafka.common.config.TopicConfig;

import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicSpec;

/**
 * The topic names the store uses.
 *
 * @param participantKeys compacted, public keyrings (read by the processor and SDK)
 * @param keyCustody compacted, sealed private keys (key service only); compaction is time-bounded so a destroyed key's
 *     earlier records are cleaned within {@link #CUSTODY_MAX_COMPACTION_LAG_MS} plus a cleaner pass
 * @param accessEvents access events (delete policy)
 * @param accessGrants compacted, time-bound access grants and their revocations (key = grant id)
 * @param escrowRequests compacted, audit-escrow requests and every change of their state (key = request id)
 */
public record StoreTopics(
        String participantKeys, String keyCustody, String accessEvents, String accessGrants, String escrowRequests) {

    /** The default name of the grants topic. */
    public static final String ACCESS_GRANTS = "access-grants";

    /** The default name of the escrow topic. */
    public static final String ESCROW_REQUESTS = "escrow-requests";

    public StoreTopics {
        Objects.requireNonNull(participantKeys, "participantKeys");
        Objects.requireNonNull(keyCustody, "keyCustody");
        Objects.requireNonNull(accessEvents, "accessEvents");
        Objects.requireNonNull(accessGrants, "accessGrants");
        Objects.requireNonNull(escrowRequests, "escrowRequests");
    }

    /** With the default escrow topic, {@value #ESCROW_REQUESTS}. */
    public StoreTopics(String participantKeys, String keyCustody, String accessEvents, String accessGrants) {
        this(participantKeys, keyCustody, accessEvents, accessGrants, ESCROW_REQUESTS);
    }

    /** With the default grants topic, {@value #ACCESS_GRANTS}. */
    public StoreTopics(String participantKeys, String keyCustody, String accessEvents) {
        this(participantKeys, keyCustody, accessEvents, ACCESS_GRANTS);
    }

    /**
     * Upper bound on how long a superseded custody record (a destroyed key's sealed bytes) stays compactable-but-kept:
     * 1 day.
     */
    public static final long CUSTODY_MAX_COMPACTION_LAG_MS = 86_400_000L;

    /**
     * Segments of {@code key-custody} roll at least hourly, so the active segment never shields a record from
     * compaction.
     */
    public static final long CUSTODY_SEGMENT_MS = 3_600_000L;

    /**
     * What the store needs of its topics: both key topics compacted (a {@code delete} policy would lose keys at
     * retention, so an existing one is refused), {@code key-custody} with bounded compaction lag, access events deleted
     * by retention, grants and escrow requests compacted. The same values are in {@code deploy/strimzi/topics.yaml}.
     */
    public List<TopicSpec> specs() {
        return List.of(
                new TopicSpec(participantKeys, CleanupPolicy.COMPACT),
                new TopicSpec(keyCustody, CleanupPolicy.COMPACT)
                        .withConfig(
                                TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, Long.toString(CUSTODY_MAX_COMPACTION_LAG_MS))
                        .withConfig(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(CUSTODY_SEGMENT_MS))
                        .withConfig(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1"),
                new TopicSpec(accessEvents, CleanupPolicy.DELETE),
                new TopicSpec(accessGrants, CleanupPolicy.COMPACT),
                new TopicSpec(escrowRequests, CleanupPolicy.COMPACT));
    }

    /**
     * The names from the design: {@code participant-keys}, {@code key-custody}, {@code access-log.events},
     * {@code access-grants}, {@code escrow-requests}.
     */
    public static StoreTopics defaults() {
        return new StoreTopics("participant-keys", "key-custody", "access-log.events");
    }

    /** Test topics: the default names with a suffix. */
    public static StoreTopics withSuffix(String suffix) {
        return new StoreTopics(
                "participant-keys" + suffix,
                "key-custody" + suffix,
                "access-log.events" + suffix,
                ACCESS_GRANTS + suffix,
                ESCROW_REQUESTS + suffix);
    }
}
