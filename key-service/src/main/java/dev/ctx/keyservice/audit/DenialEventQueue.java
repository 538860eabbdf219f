package dev.ctx.keyservice.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.schemas.access.AccessEvent;

/**
 * A bounded queue of denial events in front of their writer: request threads {@link #submit} without waiting (a full
 * queue drops the event and counts it in {@code ctx_keyservice_denial_events_dropped_total}); one background thread
 * hands them to the writer in batches of up to {@code maxBatch}, in submission order. A writer failure is counted in
 * {@code ctx_keyservice_denial_events_failed_total} (per event of the batch) and the thread carries on.
 *
 * <p>So a flood of bad credentials costs a bounded amount of memory and never waits on, or queues in front of, the
 * store's lifecycle writes. Thread-safe.
 */
public final class DenialEventQueue implements DenialSink, AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(DenialEventQueue.class);

    private final BlockingQueue<AccessEvent> queue;
    private final int maxBatch;
    private final Consumer<List<AccessEvent>> writer;
    private final Counter dropped;
    private final Counter failed;
    private final Thread drainer;
    private volatile boolean closing;

    private DenialEventQueue(int capacity, int maxBatch, Consumer<List<AccessEvent>> writer, MeterRegistry meters) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.writer = Objects.requireNonNull(writer, "writer");
        this.dropped = Counter.builder("ctx.keyservice.denial.events.dropped")
                .description("denial events not written because the queue was full")
                .register(meters);
        this.failed = Counter.builder("ctx.keyservice.denial.events.failed")
                .description("denial events the writer could not write")
                .register(meters);
        this.drainer = new Thread(this::drain, "denial-events");
        this.drainer.setDaemon(true);
    }

    /**
     * Starts the draining thread.
     *
     * @param capacity events held at most; more are dropped and counted
     * @param maxBatch events handed to {@code writer} at once at most
     * @param writer writes a batch (blocking is fine: it runs on the queue's own thread); may throw
     */
    public static DenialEventQueue start(
            int capacity, int maxBatch, Consumer<List<AccessEvent>> writer, MeterRegistry meters) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        DenialEventQueue queue = new DenialEventQueue(capacity, maxBatch, writer, meters);
        queue.drainer.start();
        return queue;
    }

    @Override
    public void submit(AccessEvent event) {
        if (closing || !queue.offer(event)) {
            dropped.increment();
        }
    }

    /** Events dropped because the queue was full (or closed). */
    public long droppedCount() {
        return (long) dropped.count();
    }

    /** Events the writer failed to write. */
    public long failedCount() {
        return (long) failed.count();
    }

    private void drain() {
        List<AccessEvent> batch = new ArrayList<>(maxBatch);
        while (!closing || !queue.isEmpty()) {
            try {
                AccessEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!closing) {
                    LOGGER.atWarn().log("denial event writer interrupted; stopping");
                }
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<AccessEvent> batch) {
        try {
            writer.accept(List.copyOf(batch));
        } catch (RuntimeException e) {
            failed.increment(batch.size());
            LOGGER.atWarn()
                    .addKeyValue("events", batch.size())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("denial events not written");
        }
    }

    /** Stops accepting, writes what is queued (waiting up to {@code timeout}), then stops the thread. */
    public void close(Duration timeout) {
        closing = true;
        try {
            drainer.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drainer.isAlive()) {
            drainer.interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
