package dev.ctx.keyservice.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.schemas.access.AccessEvent;

/**
 * Group commit of access events: request threads {@link #commit} one event each and wait; one background thread
 * collects the events of concurrent requests for up to {@code linger} (or until {@code maxBatch} are waiting) and
 * commits them in one transaction of its {@link EventBatchCommit}. Each caller's future completes when its batch's
 * commit returns; a failed commit fails every caller of that batch. A full queue fails at once.
 *
 * <p>Counters: {@code ctx_keyservice_access_events_committed_total}, {@code ctx_keyservice_access_events_failed_total}
 * (per event), {@code ctx_keyservice_access_event_batches_total}. Thread-safe.
 */
public final class AccessEventCommitter implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(AccessEventCommitter.class);

    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final long lingerNanos;
    private final EventBatchCommit writer;
    private final Counter committed;
    private final Counter failed;
    private final Counter batches;
    private final Thread thread;
    private volatile boolean closing;

    private record Pending(AccessEvent event, CompletableFuture<Void> done) {}

    private AccessEventCommitter(
            int capacity, int maxBatch, Duration linger, EventBatchCommit writer, MeterRegistry meters) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        this.writer = Objects.requireNonNull(writer, "writer");
        this.committed = Counter.builder("ctx.keyservice.access.events.committed")
                .description("access events committed by the group committer")
                .register(meters);
        this.failed = Counter.builder("ctx.keyservice.access.events.failed")
                .description("access events whose batch was not committed (their requests got 503)")
                .register(meters);
        this.batches = Counter.builder("ctx.keyservice.access.event.batches")
                .description("transactions the group committer committed")
                .register(meters);
        this.thread = new Thread(this::run, "access-event-committer");
        this.thread.setDaemon(true);
    }

    /**
     * Starts the committing thread.
     *
     * @param capacity events waiting at most; beyond it {@link #submit} fails at once
     * @param maxBatch events per transaction at most
     * @param linger how long the first event of a batch waits for company (zero: commit what is queued)
     */
    public static AccessEventCommitter start(
            int capacity, int maxBatch, Duration linger, EventBatchCommit writer, MeterRegistry meters) {
        if (capacity < 1 || maxBatch < 1 || linger.isNegative()) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive, linger not negative");
        }
        AccessEventCommitter committer = new AccessEventCommitter(capacity, maxBatch, linger, writer, meters);
        committer.thread.start();
        return committer;
    }

    /** Queues {@code event}; the future completes once its batch committed, exceptionally if it did not. */
    public CompletableFuture<Void> submit(AccessEvent event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closing || !queue.offer(new Pending(Objects.requireNonNull(event, "event"), done))) {
            failed.increment();
            done.completeExceptionally(new AuditUnavailableException("the access event queue is full or closed", null));
        }
        return done;
    }

    /**
     * Queues {@code event} and waits until it is committed.
     *
     * @throws AuditUnavailableException if it was not committed within {@code timeout} (it may still commit later)
     */
    public void commit(AccessEvent event, Duration timeout) {
        try {
            submit(event).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AuditUnavailableException unavailable
                    ? unavailable
                    : new AuditUnavailableException("the access event was not committed", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditUnavailableException("the access event was not committed within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while committing the access event", e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        try {
            while (!closing || !queue.isEmpty()) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    collect(batch);
                    write(batch);
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            LOGGER.atWarn().addKeyValue("pending", queue.size()).log("access event committer interrupted; stopping");
        } finally {
            failAll(batch, new AuditUnavailableException("the access event committer stopped", null));
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            failAll(left, new AuditUnavailableException("the access event committer stopped", null));
        }
    }

    /** Adds what arrives within the linger time after the first event, up to {@code maxBatch}. */
    private void collect(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        while (batch.size() < maxBatch) {
            queue.drainTo(batch, maxBatch - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= maxBatch || left <= 0) {
                return;
            }
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<Pending> batch) {
        try {
            writer.commit(batch.stream().map(Pending::event).toList());
        } catch (RuntimeException e) {
            LOGGER.atWarn()
                    .addKeyValue("events", batch.size())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("access events not committed; their requests fail closed");
            failAll(batch, new AuditUnavailableException("the access event batch was not committed", e));
            return;
        }
        batches.increment();
        committed.increment(batch.size());
        batch.forEach(pending -> pending.done().complete(null));
    }

    private void failAll(List<Pending> pending, AuditUnavailableException cause) {
        for (Pending p : pending) {
            if (!p.done().isDone()) { // only this thread completes queued futures
                failed.increment();
                p.done().completeExceptionally(cause);
            }
        }
    }

    /** Stops accepting, commits what is queued (waiting up to {@code timeout}), then stops the thread. */
    public void close(Duration timeout) {
        closing = true;
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
