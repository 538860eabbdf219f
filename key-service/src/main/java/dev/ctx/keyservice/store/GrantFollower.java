package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.grants.GrantTable;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessGrant;

/**
 * Keeps a {@link GrantTable} current with {@code access-grants}: {@link #start} replays the topic from the beginning
 * to its committed end (read_committed) before it returns, then a daemon thread tails it, so grants created or revoked
 * by another replica (or whose commit outcome was unknown here) reach this one within a poll. A tombstone or an
 * undecodable record removes the grant (fail closed: no record, no access). Partitions added later are not followed
 * until a restart.
 */
public final class GrantFollower implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(GrantFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Serde<AccessGrant> serde;
    private final GrantTable table;
    private final Thread thread;
    private volatile boolean closed;

    private GrantFollower(
            KafkaConsumer<String, byte[]> consumer, String topic, Serde<AccessGrant> serde, GrantTable table) {
        this.consumer = consumer;
        this.topic = topic;
        this.serde = serde;
        this.table = table;
        this.thread = new Thread(this::tail, "access-grants-follower");
        this.thread.setDaemon(true);
    }

    /**
     * Replays the grants topic into {@code table}, then follows it in the background.
     *
     * @throws StoreUnavailableException if the replay cannot finish within the store timeout
     */
    public static GrantFollower start(StoreConfig config, Serde<AccessGrant> serde, GrantTable table) {
        KafkaConsumer<String, byte[]> consumer = TopicReplayer.consumer(config.clientProperties(), config.timeout());
        GrantFollower follower = new GrantFollower(consumer, config.topics().accessGrants(), serde, table);
        try {
            follower.replay(config.timeout());
        } catch (KafkaException e) {
            consumer.close(Duration.ZERO);
            throw new StoreUnavailableException(
                    "cannot replay " + config.topics().accessGrants(), e);
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
                .addKeyValue("grants", table.size())
                .log("grants replayed");
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

    private void pollOnce() {
        try {
            consumer.poll(POLL).forEach(this::apply);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOGGER.atWarn()
                    .addKeyValue("topic", topic)
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("cannot follow the grants topic; retrying");
            pause();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            table.remove(record.key());
            return;
        }
        try {
            table.apply(GrantRecordMapper.fromAvro(serde.deserializer().deserialize(topic, record.value())));
        } catch (RuntimeException e) {
            table.remove(record.key());
            LOGGER.atWarn()
                    .addKeyValue("topic", topic)
                    .addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("undecodable grant record; the grant is dropped");
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
