package dev.ctx.schemas.topics;

/** An existing topic has a different cleanup policy than the design requires. */
public final class TopicPolicyMismatchException extends TopicSetupException {

    public TopicPolicyMismatchException(String topic, CleanupPolicy expected, String actual) {
        super("Topic " + topic + " has cleanup.policy=" + actual + ", expected " + expected.configValue());
    }
}
