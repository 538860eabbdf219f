package dev.ctx.processor.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link RewrapMetrics} on a Micrometer registry: the gauge {@value #PENDING} per participant (summed over this
 * instance's stream tasks) and counters of rewrapped, failed and retried envelopes per participant.
 */
public final class MicrometerRewrapMetrics implements RewrapMetrics {

    public static final String PENDING = "ctx.rewrap.pending";
    public static final String REWRAPPED = "ctx.rewrap.rewrapped";
    public static final String FAILED = "ctx.rewrap.failed";
    public static final String RETRIED = "ctx.rewrap.retried";

    private final MeterRegistry registry;
    private final Map<String, Map<String, Long>> pending = new ConcurrentHashMap<>();

    public MicrometerRewrapMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void pending(String participant, String taskId, long count) {
        pending.computeIfAbsent(participant, this::register).put(taskId, count);
    }

    private Map<String, Long> register(String participant) {
        Map<String, Long> byTask = new ConcurrentHashMap<>();
        Gauge.builder(
                        PENDING,
                        byTask,
                        tasks -> tasks.values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .tag("participant", participant)
                .description("Envelopes still wrapped under an older key version of the participant, queued")
                .register(registry);
        return byTask;
    }

    @Override
    public void rewrapped(String participant) {
        counter(REWRAPPED, participant, "Envelopes written at their next generation")
                .increment();
    }

    @Override
    public void failed(String participant, String code) {
        Counter.builder(FAILED)
                .tag("participant", participant)
                .tag("code", code)
                .description("Rewraps that failed for good (dead letter)")
                .register(registry)
                .increment();
    }

    @Override
    public void retried(String participant) {
        counter(RETRIED, participant, "Rewraps left queued for a later attempt").increment();
    }

    private Counter counter(String name, String participant, String description) {
        return Counter.builder(name)
                .tag("participant", participant)
                .description(description)
                .register(registry);
    }
}
