package dev.ctx.keyservice.lookup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Checks that the view's two topics exist with the same partition count: the processor writes both with the
 * transaction id as key and the default partitioner, so with equal counts a record and its envelope land in the same
 * partition number, which the view's tasks rely on.
 */
final class CoPartitioning {

    private CoPartitioning() {}

    /**
     * The common partition count, or empty while a topic is missing.
     *
     * @throws ViewTopicsException when the counts differ
     * @throws LookupUnavailableException when the topics cannot be listed or described in {@code timeout}
     */
    static OptionalInt check(Admin admin, ViewTopics topics, Duration timeout) {
        List<String> names = List.of(topics.encrypted(), topics.envelopes());
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!existing.containsAll(names)) {
                return OptionalInt.empty();
            }
            Map<String, TopicDescription> described =
                    admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int encrypted = described.get(topics.encrypted()).partitions().size();
            int envelopes = described.get(topics.envelopes()).partitions().size();
            if (encrypted != envelopes) {
                throw new ViewTopicsException("the transaction view needs " + topics.encrypted() + " (" + encrypted
                        + " partitions) and " + topics.envelopes() + " (" + envelopes + " partitions) co-partitioned"
                        + " by transaction id: give both the same partition count");
            }
            return OptionalInt.of(encrypted);
        } catch (ExecutionException | TimeoutException e) {
            throw new LookupUnavailableException(
                    "cannot describe " + names + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupUnavailableException("interrupted while describing " + names, e);
        }
    }
}
