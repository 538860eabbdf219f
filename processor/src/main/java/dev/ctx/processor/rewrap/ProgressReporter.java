package dev.ctx.processor.rewrap;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import dev.ctx.processor.metrics.RewrapMetrics;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.PublicKeyVersion;

/**
 * Writes this task's remaining count per (participant, old key version) to the progress topic, in the task's Kafka
 * transaction, whenever it differs from the count last written (after a restart every count is written once more:
 * the topic is compacted, a repeated record changes nothing). The old versions of a participant are the versions
 * below the current one this task acted on that its keyring lists as ACTIVE or RETIRED, or that an envelope of this
 * task still wraps under; a participant whose rotation this task never acted on is not reported.
 */
final class ProgressReporter {

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> keyrings;
    private final KeyValueStore<String, Integer> rotations;
    private final EnvelopeIndex index;
    private final ProcessorContext<String, Object> context;
    private final RewrapMetrics metrics;
    private final int partition;
    private final String taskId;
    private final Map<String, RewrapProgress> written = new HashMap<>();

    ProgressReporter(
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> keyrings,
            KeyValueStore<String, Integer> rotations,
            EnvelopeIndex index,
            ProcessorContext<String, Object> context,
            RewrapMetrics metrics) {
        this.keyrings = keyrings;
        this.rotations = rotations;
        this.index = index;
        this.context = context;
        this.metrics = metrics;
        this.partition = context.taskId().partition();
        this.taskId = context.taskId().toString();
    }

    /** Writes every count that changed since it was last written. */
    void report(long now) {
        try (KeyValueIterator<String, Integer> acted = rotations.all()) {
            while (acted.hasNext()) {
                KeyValue<String, Integer> rotation = acted.next();
                for (int version : oldVersions(rotation.key, rotation.value)) {
                    write(
                            new RewrapProgress(
                                    rotation.key,
                                    version,
                                    partition,
                                    index.count(rotation.key, version),
                                    rotation.value),
                            now);
                }
            }
        }
    }

    private TreeSet<Integer> oldVersions(String participant, int current) {
        TreeSet<Integer> versions = new TreeSet<>();
        ValueAndTimestamp<ParticipantKeyring> held = keyrings.get(participant);
        if (held != null
                && held.value() != null
                && participant.equals(held.value().getParticipantId())) {
            for (PublicKeyVersion key : held.value().getKeys()) {
                if (key.getStatus() == KeyStatus.ACTIVE || key.getStatus() == KeyStatus.RETIRED) {
                    versions.add(key.getVersion());
                }
            }
        }
        versions.addAll(index.versionsOf(participant));
        return new TreeSet<>(versions.headSet(current));
    }

    private void write(RewrapProgress progress, long now) {
        String key = progress.key();
        RewrapProgress last = written.get(key);
        if (progress.equals(last)) {
            return;
        }
        context.forward(new Record<String, Object>(key, progress.value(), now), RewrapProcessor.PROGRESS_SINK);
        written.put(key, progress);
        metrics.remaining(progress.participant(), progress.version(), taskId, progress.remaining());
    }

    /** Reports zero remaining for this task's gauges (the task is closing or migrating). */
    void release() {
        written.values().forEach(progress -> metrics.remaining(progress.participant(), progress.version(), taskId, 0));
    }
}
