package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.participants.StoreUnavailableException;

/**
 * Commits records in one Kafka transaction of the store's producer, and settles a failed one: fatal (the store stays
 * down), unknown outcome (the producer is dropped and recovery starts), or aborted. Thread-safe: commits are serialized
 * (one open transaction per producer).
 *
 * <p>With several replicas ({@link StoreConfig#replicated()}) a follower holds no producer at all, and being fenced
 * means another replica took over: this one becomes a follower ({@link #follow}) instead of failing for good.
 */
final class TransactionRunner implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(TransactionRunner.class);

    private final StoreHealth health;
    private final Duration closeTimeout;
    private final Runnable startRecovery;
    private final boolean replicated;
    private KafkaProducer<String, byte[]> producer;
    private boolean closed;

    /**
     * @param producer null for a replica that starts as a follower
     * @param startRecovery called once the producer was dropped after a write with an unknown outcome
     * @param replicated whether a fenced producer means another replica leads now (else: fatal)
     */
    TransactionRunner(
            KafkaProducer<String, byte[]> producer,
            StoreHealth health,
            Duration closeTimeout,
            Runnable startRecovery,
            boolean replicated) {
        this.producer = producer;
        this.health = health;
        this.closeTimeout = closeTimeout;
        this.startRecovery = startRecovery;
        this.replicated = replicated;
    }

    /** A follower elected leader refuses writes until a recovery swapped in a producer; false unless following. */
    synchronized boolean startLeading() {
        if (closed || !health.isFollower()) {
            return false;
        }
        health.recovering();
        return true;
    }

    /**
     * For a recovery attempt with several replicas: unless {@code elected}, this replica must not initialise a producer
     * with the shared id (it would fence the real leader), so it follows instead. Returns whether it may go on.
     */
    synchronized boolean mayTakeOver(BooleanSupplier elected) {
        if (!replicated || elected.getAsBoolean()) {
            return true;
        }
        health.follower();
        return false;
    }

    /**
     * Stops writing: refuses every later commit with a {@code NotLeaderException} at once, then (after a commit in
     * flight, which a new leader's fencing fails) closes the producer. Nothing happens once closed or fatal.
     */
    void follow() {
        health.follower();
        synchronized (this) {
            dropProducerQuietly();
        }
    }

    /**
     * Returns only after the broker committed every record.
     *
     * @param key what the records are about, for the log and the exception
     * @throws StoreUnavailableException if the store is not ready or the transaction was not committed
     */
    synchronized void commit(String key, List<ProducerRecord<String, byte[]>> records) {
        health.requireReady();
        try {
            producer.beginTransaction();
            for (ProducerRecord<String, byte[]> record : records) {
                failFast(producer.send(record));
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            throw failed(key, settle(e));
        }
    }

    /**
     * A send that already failed (no metadata within max.block.ms) ends the transaction now, not after every record.
     */
    private static void failFast(Future<RecordMetadata> sent) {
        if (sent.isDone()) {
            try {
                sent.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof KafkaException kafka
                        ? kafka
                        : new KafkaException("send failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }
    }

    /** Decides what a failed transaction leaves behind: fatal, unknown (recover), or aborted. */
    private KafkaException settle(KafkaException e) {
        if (replicated && KafkaErrors.isFenced(e)) {
            LOGGER.atWarn()
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("fenced by a newer leader; following");
            health.follower();
            dropProducerQuietly();
        } else if (KafkaErrors.isFatal(e)) {
            health.fatal();
        } else if (KafkaErrors.isUnknownOutcome(e)) {
            // a new producer with the same transactional id settles the transaction on the broker, and a replay tells
            // whether it landed
            dropProducer();
        } else {
            abort();
        }
        return e;
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            LOGGER.atWarn()
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("cannot abort the store transaction");
            if (KafkaErrors.isFatal(e)) {
                health.fatal();
            } else {
                dropProducer();
            }
        }
    }

    /** Called with the monitor held: no write is in flight, and none is accepted until recovery succeeds. */
    private void dropProducer() {
        health.recovering();
        producer.close(Duration.ZERO);
        producer = null;
        startRecovery.run();
    }

    /** Called with the monitor held. */
    private void dropProducerQuietly() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private StoreUnavailableException failed(String key, KafkaException e) {
        LOGGER.atWarn()
                .addKeyValue("key", key)
                .addKeyValue("error", e.getClass().getSimpleName())
                .addKeyValue(
                        "cause",
                        e.getCause() == null ? null : e.getCause().getClass().getSimpleName())
                .addKeyValue("health", health.state())
                .log("store write not acknowledged");
        return new StoreUnavailableException(
                "write for " + key + " was not acknowledged (" + e.getClass().getSimpleName() + ")", e);
    }

    /**
     * Runs {@code replay}, then swaps in the settled producer {@code fresh} and accepts writes again; no commit is in
     * flight meanwhile. If anything fails, {@code fresh} is closed and the store stays as it was.
     */
    synchronized <T> T swapIn(KafkaProducer<String, byte[]> fresh, Supplier<T> replay) {
        try {
            if (closed || !health.isRecovering()) {
                throw new StoreUnavailableException("the store was closed or failed while recovering", null);
            }
            T replayed = replay.get();
            producer = fresh;
            health.ready();
            return replayed;
        } catch (RuntimeException e) {
            fresh.close(Duration.ZERO);
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(health.isReady() ? closeTimeout : Duration.ZERO);
            producer = null;
        }
    }
}
