package dev.ctx.processor.rewrap;

import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.keys.ParticipantKeyring;

/**
 * Indexes every envelope read from {@code transactions.envelopes} (a newer or equal generation replaces the held one,
 * an older one is ignored, a tombstone removes it and its queued work) and runs the rewrap punctuator on wall-clock
 * time: first the rotation check, then one bounded round of batches ({@link RewrapRound}), then this task's remaining
 * counts ({@link ProgressReporter}) and, in the task of partition 0 only, the retirement decision
 * ({@link RetirementDecider}). Outputs go to the {@link #ENVELOPES_SINK}, {@link #EVENTS_SINK},
 * {@link #DEAD_LETTERS_SINK} and {@link #PROGRESS_SINK} children.
 */
final class RewrapProcessor implements Processor<String, Envelope, String, Object> {

    static final String ENVELOPES_SINK = "rewrap-envelopes-sink";
    static final String EVENTS_SINK = "rewrap-access-events-sink";
    static final String DEAD_LETTERS_SINK = "rewrap-dead-letters-sink";
    static final String PROGRESS_SINK = "rewrap-progress-sink";

    private final RewrapSettings settings;
    private final String envelopesTopic;
    private EnvelopeIndex index;
    private PendingRewraps pending;
    private RotationWatch watch;
    private ProgressReporter reporter;

    RewrapProcessor(RewrapSettings settings, String envelopesTopic) {
        this.settings = settings;
        this.envelopesTopic = envelopesTopic;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        KeyValueStore<String, Envelope> envelopes = context.getStateStore(RewrapStores.ENVELOPES);
        KeyValueStore<String, Integer> indexStore = context.getStateStore(RewrapStores.INDEX);
        KeyValueStore<String, Integer> pendingStore = context.getStateStore(RewrapStores.PENDING);
        KeyValueStore<String, Integer> rotations = context.getStateStore(RewrapStores.ROTATIONS);
        TimestampedKeyValueStore<String, ParticipantKeyring> keyrings = context.getStateStore(RewrapStores.KEYRINGS);
        index = new EnvelopeIndex(envelopes, indexStore);
        pending = new PendingRewraps(
                pendingStore, settings.metrics(), context.taskId().toString());
        watch = new RotationWatch(keyrings, rotations, index, pending, settings.metrics());
        RewrapRound round = new RewrapRound(settings, context, index, pending, envelopesTopic);
        reporter = new ProgressReporter(keyrings, rotations, index, context, settings.metrics());
        Optional<RetirementDecider> decider = context.taskId().partition() == 0
                ? Optional.of(new RetirementDecider(context.getStateStore(RewrapStores.PROGRESS), keyrings, settings))
                : Optional.empty();
        Duration interval = settings.interval();
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> {
            watch.check();
            round.run(now);
            reporter.report(now);
            decider.ifPresent(RetirementDecider::decide);
        });
    }

    @Override
    public void process(Record<String, Envelope> record) {
        String transactionId = record.key();
        Envelope envelope = record.value();
        if (transactionId == null || (envelope != null && !transactionId.equals(envelope.getTransactionId()))) {
            return;
        }
        if (envelope == null) {
            index.remove(transactionId)
                    .ifPresent(old ->
                            old.getWraps().forEach(wrap -> pending.remove(wrap.getRecipientId(), transactionId)));
            return;
        }
        Optional<Envelope> held = index.envelope(transactionId);
        if (held.isPresent() && held.get().getGeneration() > envelope.getGeneration()) {
            return;
        }
        index.put(envelope);
        for (RecipientWrap wrap : envelope.getWraps()) {
            queueIfBehind(transactionId, wrap);
        }
    }

    private void queueIfBehind(String transactionId, RecipientWrap wrap) {
        Optional<Integer> current = watch.current(wrap.getRecipientId());
        if (current.isPresent() && wrap.getKeyVersion() < current.get()) {
            pending.enqueue(wrap.getRecipientId(), transactionId, current.get());
        } else {
            pending.remove(wrap.getRecipientId(), transactionId);
        }
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.release();
        }
        if (reporter != null) {
            reporter.release();
        }
    }
}
