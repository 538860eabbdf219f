package dev.ctx.processor.topics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

import dev.ctx.schemas.topics.TopicSetupException;

/**
 * Refuses to start when {@code transactions.envelope-commands} and {@code transactions.envelopes} have different
 * partition counts: a command must be read by the stream task that holds its transaction's envelope (both are keyed
 * by transaction id with the default partitioner), or it would wait there forever.
 */
public final class CommandTopicPartitions {

    private CommandTopicPartitions() {}

    /** @throws TopicSetupException naming both topics and counts when they differ */
    public static void check(Admin admin, TopicNames topics) {
        Map<String, TopicDescription> described;
        try {
            described = admin.describeTopics(List.of(topics.envelopes(), topics.envelopeCommands()))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new TopicSetupException(
                    "cannot describe " + topics.envelopes() + " and " + topics.envelopeCommands() + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException("interrupted while describing the envelope topics", e);
        }
        int envelopes = described.get(topics.envelopes()).partitions().size();
        int commands = described.get(topics.envelopeCommands()).partitions().size();
        if (envelopes != commands) {
            throw new TopicSetupException(
                    topics.envelopeCommands() + " (" + commands + " partitions) and "
                            + topics.envelopes() + " (" + envelopes
                            + " partitions) must be co-partitioned by transaction id:"
                            + " give both the same partition count",
                    null);
        }
    }
}
