package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.participants.StoreUnavailableException;

/**
 * Keeps a follower's in-memory participants current with the leader's writes: every interval it reads the committed
 * end offsets (read_committed: the last stable offsets) of {@code participant-keys} and {@code key-custody}, and when
 * they moved it replays both topics into the view ({@link KafkaParticipantStore#refreshFollowed}). A follower thus
 * lags the leader by about one interval plus a replay. On the leader it does nothing.
 */
final class FollowedKeyTopics implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(FollowedKeyTopics.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final BooleanSupplier refresh;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "key-topics-follower");
        thread.setDaemon(true);
        return thread;
    });
    private Map<TopicPartition, Long> replayedUpTo = Map.of();

    /** @param refresh replays on a follower and returns true; returns false on the leader */
    private FollowedKeyTopics(StoreConfig config, BooleanSupplier refresh) {
        this.consumer = TopicReplayer.consumer(config.clientProperties(), config.timeout());
        this.topics = List.of(config.topics().participantKeys(), config.topics().keyCustody());
        this.refresh = refresh;
    }

    static FollowedKeyTopics start(StoreConfig config, Duration interval, BooleanSupplier refresh) {
        FollowedKeyTopics followed = new FollowedKeyTopics(config, Objects.requireNonNull(refresh, "refresh"));
        followed.executor.scheduleWithFixedDelay(
                followed::checkOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return followed;
    }

    private void checkOnce() {
        try {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions());
            if (!end.equals(replayedUpTo) && refresh.getAsBoolean()) {
                replayedUpTo = end;
                LOGGER.atDebug().log("follower replayed the leader's changes");
            }
        } catch (KafkaException | StoreUnavailableException e) {
            LOGGER.atWarn()
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("cannot follow the key topics; retrying next interval");
        }
    }

    private List<TopicPartition> partitions() {
        return topics.stream()
                .flatMap(topic ->
                        consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())))
                .toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ZERO);
    }
}
