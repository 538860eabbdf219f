package dev.ctx.cli.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.ctx.processor.topics.TopicNames;

/** Rewrites one terminal line twice a second: sent, rate, encrypted, clear, DLQ, access events. */
final class ProgressLine implements AutoCloseable {

    private final PrintWriter out;
    private final OutputCounter counter;
    private final TopicNames topics;
    private final AtomicLong sent = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ctx-demo-progress");
        thread.setDaemon(true);
        return thread;
    });

    ProgressLine(PrintWriter out, OutputCounter counter, TopicNames topics) {
        this.out = out;
        this.counter = counter;
        this.topics = topics;
        timer.scheduleAtFixedRate(this::print, 500, 500, TimeUnit.MILLISECONDS);
    }

    void sent(long count) {
        sent.set(count);
    }

    void print() {
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        long encrypted = counter.count(topics.encrypted());
        out.print(String.format(
                Locale.ROOT,
                "\r  sent %,7d | %,6.0f txn/s | encrypted %,7d (sealed "
                        + "%,7d, clear %,6d) | DLQ %,4d | access events %,7d ",
                sent.get(),
                encrypted / seconds,
                encrypted,
                counter.sealed(),
                encrypted - counter.sealed(),
                counter.count(topics.deadLetters()),
                counter.count(topics.accessEvents())));
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        print();
        out.println();
        out.flush();
    }
}
