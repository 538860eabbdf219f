package dev.ctx.processor.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link RewrapMetrics} on a Micrometer registry: the gauge {@value #PENDING} per participant (summed over this
 * instance's stream tasks), the gauge {@value #REMAINING} per participant and old version, and counters of
 * rewrapped, failed and retried envelopes and of retired versions per participant.
 */
public final class MicrometerRewrapMetrics implements RewrapMetrics {

    public static final String PENDING = "ctx.rewrap.pending";
    public static final String REWRAPPED = "ctx.rewrap.rewrapped";
    public static final String FAILED = "ctx.rewrap.failed";
    public static final String RETRIED = "ctx.rewrap.retried";
    public static final String REMAINING = "ctx.rewrap.remaining";
    public static final String RETIRED = "ctx.rewrap.retired";

    private final MeterRegistry registry;
    private final Map<String, Map<String, Long>> pending = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> remaining = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();

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
        failedCounter(participant, code).increment();
    }

    private Counter failedCounter(String participant, String code) {
        return Counter.builder(FAILED)
                .tag("participant", participant)
                .tag("code", code)
                .description("Rewraps that failed for good (dead letter)")
                .register(registry);
    }

    @Override
    public void retried(String participant) {
        counter(RETRIED, participant, "Rewraps left queued for a later attempt").increment();
    }

    @Override
    public void known(String participant, List<String> failureCodes) {
        if (!known.add(participant)) {
            return;
        }
        pending.computeIfAbsent(participant, this::register);
        counter(REWRAPPED, participant, "Envelopes written at their next generation");
        counter(RETRIED, participant, "Rewraps left queued for a later attempt");
        counter(RETIRED, participant, "Old key versions retired by the job (every partition at zero)");
        failureCodes.forEach(code -> failedCounter(participant, code));
    }

    @Override
    public void remaining(String participant, int version, String taskId, long count) {
        remaining
                .computeIfAbsent(participant + '/' + version, key -> registerRemaining(participant, version))
                .put(taskId, count);
    }

    private Map<String, Long> registerRemaining(String participant, int version) {
        Map<String, Long> byTask = new ConcurrentHashMap<>();
        Gauge.builder(
                        REMAINING,
                        byTask,
                        tasks -> tasks.values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .tag("participant", participant)
                .tag("version", Integer.toString(version))
                .description("Envelopes still wrapped under an old key version (this instance's tasks, as reported"
                        + " to the progress topic)")
                .register(registry);
        return byTask;
    }

    @Override
    public void retired(String participant) {
        counter(RETIRED, participant, "Old key versions retired by the job (every partition at zero)")
                .increment();
    }

    private Counter counter(String name, String participant, String description) {
        return Counter.builder(name)
                .tag("participant", participant)
                .description(description)
                .register(registry);
    }
}
