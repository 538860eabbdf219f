package dev.ctx.processor.topics;

import java.util.List;

import org.apache.kafka.common.config.TopicConfig;

import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicSpec;

/** The topic specifications of the encryption topology (design §3) and of the rewrap topology's command input. */
public final class EncryptionTopics {

    /**
     * Upper bound on how long a superseded envelope generation or a shredded envelope (its wraps) is kept once it is
     * compactable: 1 day. Together with {@link #ENVELOPES_SEGMENT_MS} and the cleaner's pass it bounds how long a
     * wrap survives a revocation or a shred (docs/revocation-and-shredding.md, "Compaction").
     */
    public static final long ENVELOPES_MAX_COMPACTION_LAG_MS = 86_400_000L;

    /** Segments of {@code transactions.envelopes} roll at least hourly, so the active segment never shields a wrap. */
    public static final long ENVELOPES_SEGMENT_MS = 3_600_000L;

    /**
     * How long a tombstone (it holds no wrap) stays after compaction, for readers that must see it (the key service's
     * lookup view keeps its own shredded marker): 1 day.
     */
    public static final long ENVELOPES_DELETE_RETENTION_MS = 86_400_000L;

    /** Commands are applied within seconds; they are kept 7 days for audit and a lagging rewrap topology. */
    public static final long COMMANDS_RETENTION_MS = 604_800_000L;

    private EncryptionTopics() {}

    /** Every topic the encryption and rewrap topologies read or write, with its cleanup policy. */
    public static List<TopicSpec> specs(TopicNames names) {
        return List.of(
                new TopicSpec(names.transactions(), CleanupPolicy.DELETE),
                new TopicSpec(names.participantKeys(), CleanupPolicy.COMPACT),
                new TopicSpec(names.encrypted(), CleanupPolicy.DELETE),
                new TopicSpec(names.envelopes(), CleanupPolicy.COMPACT)
                        .withConfig(
                                TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG,
                                Long.toString(ENVELOPES_MAX_COMPACTION_LAG_MS))
                        .withConfig(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(ENVELOPES_SEGMENT_MS))
                        .withConfig(
                                TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(ENVELOPES_DELETE_RETENTION_MS))
                        .withConfig(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1"),
                new TopicSpec(names.accessEvents(), CleanupPolicy.DELETE),
                new TopicSpec(names.deadLetters(), CleanupPolicy.DELETE),
                new TopicSpec(names.envelopeCommands(), CleanupPolicy.DELETE)
                        .withConfig(TopicConfig.RETENTION_MS_CONFIG, Long.toString(COMMANDS_RETENTION_MS)),
                new TopicSpec(names.receipts(), CleanupPolicy.DELETE));
    }
}
