package dev.ctx.processor.rewrap;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.ctx.schemas.encrypted.Envelope;

/**
 * Sits between {@code transactions.envelopes} and the rewrap index ({@link RewrapProcessor}): an envelope of a
 * shredded transaction is tombstoned again and never indexed, one holding a revoked wrap is rewritten without it
 * first ({@link Revocations#admit}); everything else passes unchanged. Tombstones pass too.
 */
final class EnvelopeGate implements Processor<String, Envelope, String, Object> {

    static final String NAME = "rewrap-revocation-gate";

    private final String source;
    private Revocations revocations;
    private ProcessorContext<String, Object> context;

    EnvelopeGate(String source) {
        this.source = source;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        KeyValueStore<String, Envelope> envelopes = context.getStateStore(RewrapStores.ENVELOPES);
        KeyValueStore<String, Integer> indexStore = context.getStateStore(RewrapStores.INDEX);
        revocations = new Revocations(
                context,
                new EnvelopeIndex(envelopes, indexStore),
                indexStore,
                context.getStateStore(RevocationStores.SHREDDED),
                context.getStateStore(RevocationStores.REVOKED_ACCESS),
                source);
    }

    @Override
    public void process(Record<String, Envelope> record) {
        Envelope envelope = record.value();
        if (record.key() == null || envelope == null || !record.key().equals(envelope.getTransactionId())) {
            context.forward(record.withValue((Object) envelope), RewrapTopology.REWRAP_PROCESSOR);
            return;
        }
        revocations
                .admit(envelope, context.currentSystemTimeMs())
                .ifPresent(admitted ->
                        context.forward(record.withValue((Object) admitted), RewrapTopology.REWRAP_PROCESSOR));
    }
}
