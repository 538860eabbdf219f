package dev.ctx.processor.encrypt;

import java.time.Duration;
import java.util.List;

import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.processor.metrics.ProcessorMetrics;
import dev.ctx.schemas.transaction.Transaction;

/** A {@link Sealer} decorator that records the latency of every successful seal. */
public final class InstrumentedSealer implements Sealer {

    private final Sealer delegate;
    private final ProcessorMetrics metrics;

    public InstrumentedSealer(Sealer delegate, ProcessorMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public Sealer forTask() {
        Sealer task = delegate.forTask();
        return task == delegate ? this : new InstrumentedSealer(task, metrics);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public SealResult seal(Transaction transaction, List<ResolvedRecipient> recipients) {
        long start = System.nanoTime();
        SealResult sealed = delegate.seal(transaction, recipients);
        metrics.sealLatency(Duration.ofNanos(System.nanoTime() - start));
        return sealed;
    }
}
