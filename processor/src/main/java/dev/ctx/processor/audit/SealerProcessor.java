package dev.ctx.processor.audit;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.dlq.SourceCoordinates;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.CanonicalAccessEvent;
import dev.ctx.schemas.auditlog.CanonicalAvroBody;
import dev.ctx.schemas.auditlog.CheckpointSigningInput;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.auditlog.Sha256;

/**
 * Chains each access event of its partition (format v1): an event id already among the partition's last
 * {@link SealerSettings#dedupWindow()} sealed ids is counted as a duplicate and dropped from the chain; an event that
 * cannot be chained goes to the dead-letter sink with {@link DeadLetterReason#UNSEALABLE_EVENT}. A checkpoint is due
 * after {@link SealerSettings#checkpointEvents()} entries (checked per event) or {@link
 * SealerSettings#checkpointInterval()} of wall-clock time with entries pending (checked by a punctuator); it is
 * written only once signed, and a failure leaves the head unchanged so a later attempt covers the same entries and
 * the ones chained since.
 */
final class SealerProcessor implements Processor<String, SealerInput, String, Object> {

    static final String LOG_SINK = "audit-sealer-log-sink";
    static final String CHECKPOINTS_SINK = "audit-sealer-checkpoints-sink";
    static final String DEAD_LETTERS_SINK = "audit-sealer-dead-letters-sink";

    private static final Logger LOGGER = LoggerFactory.getLogger(SealerProcessor.class);

    private final SealerSettings settings;
    private final Map<Integer, ChainHead> heads = new HashMap<>();
    private final CanonicalAccessEvent.Encoder canonicalEncoder = CanonicalAccessEvent.encoder();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ChainHead> headStore;
    private SealedIds ids;
    private long retryNotBefore;

    SealerProcessor(SealerSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Object> processorContext) {
        this.context = processorContext;
        this.headStore = processorContext.getStateStore(SealerStores.HEADS);
        this.ids = new SealedIds(processorContext.getStateStore(SealerStores.WINDOW), settings.dedupWindow());
        heads.clear();
        processorContext.schedule(settings.punctuation(), PunctuationType.WALL_CLOCK_TIME, this::checkpointIfOld);
    }

    @Override
    public void process(Record<String, SealerInput> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        CanonicalAvroBody event = chainable(source, record.value());
        if (event == null) {
            return;
        }
        String eventId = event.eventId();
        byte[] canonical = event.canonical();
        int partition = source.partition();
        ChainHead head = head(partition);
        if (ids.contains(eventId)) {
            settings.metrics().duplicate(partition);
            return;
        }
        long sequence = head.nextSequence();
        byte[] prevHash = head.lastHash();
        byte[] hash = head.append(canonical);
        ids.remember(eventId, sequence);
        long now = context.currentSystemTimeMs();
        SealedAccessEvent entry = SealedAccessEvent.newBuilder()
                .setFormatVersion(CanonicalAccessEvent.FORMAT_VERSION)
                .setPartition(partition)
                .setSequence(sequence)
                .setEventId(eventId)
                .setPrevHash(new Sha256(prevHash))
                .setHash(new Sha256(hash))
                .setEvent(ByteBuffer.wrap(canonical))
                .setSealedAt(Instant.ofEpochMilli(now))
                .setSourceOffset(source.offset())
                .build();
        context.forward(new Record<>(eventId, (Object) entry, record.timestamp()), LOG_SINK);
        headStore.put(key(partition), head);
        settings.metrics().sealed(partition, (now - event.timestampMillis()) / 1000.0);
        if (head.pending() >= settings.checkpointEvents()) {
            checkpoint(head, now);
        }
    }

    /**
     * The event's id, canonical bytes and time: as they came when the source proved the body canonical, else from
     * the decoded event; null when the event went to the dead-letter topic instead.
     */
    private CanonicalAvroBody chainable(RecordMetadata source, SealerInput input) {
        CanonicalAvroBody body = input == null ? null : input.canonical();
        if (body != null) {
            return body;
        }
        AccessEvent event = input == null ? null : input.decoded();
        if (event == null || event.getEventId() == null || event.getEventId().isEmpty()) {
            deadLetter(source, null, event == null ? "tombstone on the access event topic" : "no event id");
            return null;
        }
        settings.metrics().decoded(source.partition());
        try {
            return CanonicalAvroBody.encoded(event, canonicalEncoder);
        } catch (RuntimeException e) {
            deadLetter(
                    source,
                    event.getEventId(),
                    "no canonical encoding: " + e.getClass().getSimpleName());
            return null;
        }
    }

    /** The head of {@code partition}; read from the store once per task, when the dedup window is loaded too. */
    private ChainHead head(int partition) {
        ChainHead head = heads.get(partition);
        if (head == null) {
            ChainHead stored = headStore.get(key(partition));
            head = adopt(stored != null ? stored : ChainHead.genesis(partition, context.currentSystemTimeMs()));
        }
        return head;
    }

    private ChainHead adopt(ChainHead head) {
        ids.load(head.nextSequence());
        heads.put(head.partition(), head);
        return head;
    }

    /** The punctuator: every head of this task with entries pending past the checkpoint interval. */
    private void checkpointIfOld(long now) {
        try (KeyValueIterator<String, ChainHead> stored = headStore.all()) {
            stored.forEachRemaining(kv -> {
                if (!heads.containsKey(kv.value.partition())) {
                    adopt(kv.value);
                }
            });
        }
        for (ChainHead head : heads.values()) {
            if (head.pending() > 0
                    && now - head.lastCheckpointAtMillis()
                            >= settings.checkpointInterval().toMillis()) {
                checkpoint(head, now);
            }
        }
    }

    private void checkpoint(ChainHead head, long now) {
        if (now < retryNotBefore) {
            return;
        }
        CheckpointDraft draft = new CheckpointDraft(
                head.partition(),
                head.checkpointFrom(),
                head.nextSequence() - 1,
                head.lastHash(),
                head.merkleRoot(),
                head.previousCheckpoint());
        AccessLogCheckpoint signed;
        try {
            signed = settings.signer().sign(draft);
            if (signed == null || !draft.matches(signed)) {
                throw new CheckpointSigningException(
                        CheckpointFailure.MISMATCH, "the signer answered another checkpoint than the one asked");
            }
        } catch (CheckpointSigningException e) {
            retryNotBefore = now + settings.retryBackoff().toMillis();
            settings.metrics().checkpointFailed(e.reason());
            LOGGER.atWarn()
                    .addKeyValue("partition", draft.partition())
                    .addKeyValue("firstSequence", draft.firstSequence())
                    .addKeyValue("lastSequence", draft.lastSequence())
                    .addKeyValue("reason", e.reason().tag())
                    .addKeyValue("error", e.getMessage())
                    .log("checkpoint not signed; chaining goes on and the checkpoint is retried");
            return;
        }
        retryNotBefore = 0;
        context.forward(new Record<>(key(head.partition()), (Object) signed, now), CHECKPOINTS_SINK);
        head.checkpointed(CheckpointSigningInput.digest(signed), now);
        headStore.put(key(head.partition()), head);
        settings.metrics().checkpoint(head.partition(), signed.getSignedAt().toEpochMilli() / 1000.0);
    }

    private void deadLetter(RecordMetadata source, String eventId, String detail) {
        SourceCoordinates from = new SourceCoordinates(source.topic(), source.partition(), source.offset());
        LOGGER.atWarn()
                .addKeyValue("topicName", source.topic())
                .addKeyValue("partition", source.partition())
                .addKeyValue("offset", source.offset())
                .addKeyValue("reason", DeadLetterReason.UNSEALABLE_EVENT.name())
                .log("access event not sealable; sent to the dead-letter topic");
        context.forward(
                new Record<>(
                        eventId,
                        (Object) settings.deadLetters().of(from, null, DeadLetterReason.UNSEALABLE_EVENT, detail),
                        context.currentSystemTimeMs()),
                DEAD_LETTERS_SINK);
    }

    private static String key(int partition) {
        return Integer.toString(partition);
    }
}
