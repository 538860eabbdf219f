package dev.ctx.keyservice.lookup;

import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the view may answer: its topics were found co-partitioned, Streams is RUNNING (not rebalancing or
 * restoring), and this instance holds every partition. A partial assignment means another instance shares the
 * application id (misconfigured replicas); the view then refuses to answer rather than give false Unknowns.
 */
final class ViewCoverage {

    private static final Logger LOGGER = LoggerFactory.getLogger(ViewCoverage.class);

    private final KafkaStreams streams;
    private final String topic;
    private volatile int expected = -1;
    private volatile boolean complete;
    private volatile String failure;

    ViewCoverage(KafkaStreams streams, String topic) {
        this.streams = streams;
        this.topic = topic;
    }

    void expect(int partitions) {
        expected = partitions;
    }

    void fail(String reason) {
        failure = reason;
    }

    void onStateChange(State newState) {
        if (newState != State.RUNNING) {
            complete = false;
            return;
        }
        long owned = streams.metadataForLocalThreads().stream()
                .map(ThreadMetadata::activeTasks)
                .flatMap(tasks -> tasks.stream().map(TaskMetadata::topicPartitions))
                .flatMap(partitions -> partitions.stream())
                .filter(partition -> partition.topic().equals(topic))
                .count();
        complete = owned >= expected;
        if (!complete) {
            LOGGER.atError()
                    .addKeyValue("owned", owned)
                    .addKeyValue("partitions", expected)
                    .log("transaction view holds only part of the partitions: is lookup.application.id shared"
                            + " with another replica? It must be unique per replica");
        }
    }

    /** Why {@code find} cannot answer now, if it cannot. */
    Optional<String> unavailable() {
        if (failure != null) {
            return Optional.of(failure);
        }
        if (expected < 0) {
            return Optional.of("the transaction view waits for its topics");
        }
        State state = streams.state();
        if (state != State.RUNNING) {
            return Optional.of("the transaction view is " + state);
        }
        if (!complete) {
            return Optional.of("the transaction view does not hold every partition");
        }
        return Optional.empty();
    }
}
