package dev.ctx.processor.topics;

import java.util.List;

import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicSpec;

/** The topic specifications of the encryption topology (design §3). */
public final class EncryptionTopics {

    private EncryptionTopics() {}

    /** Every topic the encryption topology reads or writes, with its cleanup policy. */
    public static List<TopicSpec> specs(TopicNames names) {
        return List.of(
                new TopicSpec(names.transactions(), CleanupPolicy.DELETE),
                new TopicSpec(names.participantKeys(), CleanupPolicy.COMPACT),
                new TopicSpec(names.encrypted(), CleanupPolicy.DELETE),
                new TopicSpec(names.envelopes(), CleanupPolicy.COMPACT),
                new TopicSpec(names.accessEvents(), CleanupPolicy.DELETE),
                new TopicSpec(names.deadLetters(), CleanupPolicy.DELETE),
                new TopicSpec(names.receipts(), CleanupPolicy.DELETE));
    }
}
