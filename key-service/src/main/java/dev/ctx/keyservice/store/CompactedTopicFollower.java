package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.participants.StoreUnavailableException;

/**
 * Keeps an in-memory table current with one compacted topic of the store: {@link #start} replays it from the
 * beginning to its committed end (read_committed) before it returns, then a daemon thread tails it, so records written
 * by another replica (or whose commit outcome was unknown here) reach this one within a poll. A tombstone or a record
 * the sink cannot decode removes the key (fail closed: no record, no access). Partitions added later are not followed
 * until a restart. Used for {@code access-grants} and {@code escrow-requests}.
 */
final class CompactedTopicFollower implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(CompactedTopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** Where the records go. */
    interface Sink {

        /** Decodes and applies one record; throws if it cannot be decoded. */
        void apply(String key, byte[] value);

        /** Forgets {@code key}: a tombstone or an undecodable record. */
        void remove(String key);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Sink sink;
    private final IntSupplier size;
    private final Thread thread;
    private final AtomicReference<CompletableFuture<Void>> catchUp = new AtomicReference<>();
    private volatile boolean closed;
    private CompletableFuture<Void> catchingUp;
    private Map<TopicPartition, Long> catchUpTarget;

    private CompactedTopicFollower(KafkaConsumer<String, byte[]> consumer, String topic, Sink sink, IntSupplier size) {
        this.consumer = consumer;
        this.topic = topic;
        this.sink = sink;
        this.size = size;
        this.thread = new Thread(this::tail, topic + "-follower");
        this.thread.setDaemon(true);
    }

    /**
     * Replays {@code topic} into {@code sink}, then follows it in the background.
     *
     * @param size how many entries the table holds, for the replay's log line
     * @throws StoreUnavailableException if the replay cannot finish within the store timeout
     */
    static CompactedTopicFollower start(StoreConfig config, String topic, Sink sink, IntSupplier size) {
        KafkaConsumer<String, byte[]> consumer = TopicReplayer.consumer(config.clientProperties(), config.timeout());
        CompactedTopicFollower follower = new CompactedTopicFollower(consumer, topic, sink, size);
        try {
            follower.replay(config.timeout());
        } catch (KafkaException e) {
            consumer.close(Duration.ZERO);
            throw new StoreUnavailableException("cannot replay " + topic, e);
        }
        follower.thread.start();
        return follower;
    }

    private void replay(Duration stallTimeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long lastProgress = System.nanoTime();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            records.forEach(this::apply);
            if (!records.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                throw new TimeoutException("replay of " + topic + " made no progress for " + stallTimeout);
            }
        }
        LOGGER.atInfo()
                .addKeyValue("topic", topic)
                .addKeyValue("entries", size.getAsInt())
                .log("compacted topic replayed");
    }

    private void tail() {
        try {
            while (!closed) {
                pollOnce();
            }
        } catch (WakeupException e) {
            // closed
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    /**
     * Waits until this follower applied every record committed on its topic before the call (a replica taking over as
     * leader must decide on the newest state).
     *
     * @throws StoreUnavailableException if it did not catch up within {@code timeout}
     */
    void awaitCaughtUp(Duration timeout) {
        CompletableFuture<Void> request = new CompletableFuture<>();
        CompletableFuture<Void> earlier = catchUp.getAndSet(request);
        if (earlier != null) {
            request.whenComplete((ignored, error) -> earlier.complete(null)); // a later target covers the earlier one
        }
        try {
            request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) { // qualified: Kafka's is imported
            throw new StoreUnavailableException(topic + " did not catch up within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while " + topic + " caught up", e);
        }
    }

    private void pollOnce() {
        try {
            consumer.poll(POLL).forEach(this::apply);
            completeCatchUp();
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOGGER.atWarn()
                    .addKeyValue("topic", topic)
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("cannot follow the compacted topic; retrying");
            pause();
        }
    }

    /** On the tail thread: sets the target of a new catch-up request, completes it once the position reached it. */
    private void completeCatchUp() {
        CompletableFuture<Void> requested = catchUp.getAndSet(null);
        if (requested != null) {
            CompletableFuture<Void> previous = catchingUp;
            if (previous != null) {
                requested.whenComplete((ignored, error) -> previous.complete(null));
            }
            catchingUp = requested;
            catchUpTarget = consumer.endOffsets(consumer.assignment());
        }
        if (catchingUp != null
                && catchUpTarget.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            catchingUp.complete(null);
            catchingUp = null;
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            LOGGER.atWarn()
                    .addKeyValue("topic", topic)
                    .addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset())
                    .log("record without a key; ignored");
            return;
        }
        if (record.value() == null) {
            sink.remove(record.key());
            return;
        }
        try {
            sink.apply(record.key(), record.value());
        } catch (RuntimeException e) {
            sink.remove(record.key());
            LOGGER.atWarn()
                    .addKeyValue("topic", topic)
                    .addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("undecodable record; its key is dropped");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(POLL.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
