package dev.ctx.processor.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.ctx.processor.dlq.DeadLetterReason;

/** {@link ProcessorMetrics} on a Micrometer registry; every dead-letter reason is registered up front at zero. */
public final class MicrometerProcessorMetrics implements ProcessorMetrics {

    public static final String RECORDS_IN = "ctx.processor.records.in";
    public static final String RECORDS_OUT = "ctx.processor.records.out";
    public static final String ENCRYPTED = "ctx.processor.transactions.encrypted";
    public static final String PASSED_IN_CLEAR = "ctx.processor.transactions.clear";
    public static final String DUPLICATES_DROPPED = "ctx.processor.duplicates.dropped";
    public static final String DEAD_LETTERS = "ctx.processor.dead.letters";
    public static final String SEAL_LATENCY = "ctx.processor.seal.latency";
    public static final String UNTRUSTED_KEYRINGS = "ctx.processor.untrusted.keyrings";

    private final MeterRegistry registry;
    private final Counter recordsIn;
    private final Counter encrypted;
    private final Counter passedInClear;
    private final Counter duplicatesDropped;
    private final Map<DeadLetterReason, Counter> deadLetters = new EnumMap<>(DeadLetterReason.class);
    private final Map<String, Counter> recordsOut = new ConcurrentHashMap<>();
    private final Map<String, Counter> untrustedKeyrings = new ConcurrentHashMap<>();
    private final Timer sealLatency;

    public MicrometerProcessorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.recordsIn =
                Counter.builder(RECORDS_IN).description("Input records seen").register(registry);
        this.encrypted =
                Counter.builder(ENCRYPTED).description("Transactions sealed").register(registry);
        this.passedInClear = Counter.builder(PASSED_IN_CLEAR)
                .description("Non-confidential transactions passed in clear")
                .register(registry);
        this.duplicatesDropped = Counter.builder(DUPLICATES_DROPPED)
                .description("Repeated transaction ids with identical content, dropped")
                .register(registry);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters.put(
                    reason,
                    Counter.builder(DEAD_LETTERS)
                            .tag("reason", reason.name())
                            .description("Records sent to the dead-letter topic")
                            .register(registry));
        }
        this.sealLatency = Timer.builder(SEAL_LATENCY)
                .description("Time to seal one transaction")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void recordIn() {
        recordsIn.increment();
    }

    @Override
    public void recordsOut(String topic, int count) {
        recordsOut
                .computeIfAbsent(
                        topic,
                        name -> Counter.builder(RECORDS_OUT)
                                .tag("topic", name)
                                .description("Records sent to output topics")
                                .register(registry))
                .increment(count);
    }

    @Override
    public void encrypted() {
        encrypted.increment();
    }

    @Override
    public void passedInClear() {
        passedInClear.increment();
    }

    @Override
    public void duplicateDropped() {
        duplicatesDropped.increment();
    }

    @Override
    public void deadLetter(DeadLetterReason reason) {
        deadLetters.get(reason).increment();
    }

    @Override
    public void untrustedKeyring(String reason) {
        untrustedKeyrings
                .computeIfAbsent(
                        reason,
                        tag -> Counter.builder(UNTRUSTED_KEYRINGS)
                                .tag("reason", tag)
                                .description("Keyrings refused as untrusted (unsigned, "
                                        + "mis-signed, mis-keyed, unpinned escrow key)")
                                .register(registry))
                .increment();
    }

    @Override
    public void sealLatency(Duration elapsed) {
        sealLatency.record(elapsed);
    }
}
