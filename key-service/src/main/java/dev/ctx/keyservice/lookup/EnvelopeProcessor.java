package dev.ctx.keyservice.lookup;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.ctx.schemas.encrypted.Envelope;

/**
 * Keeps the newest envelope generation of each id: a newer {@code generation} replaces the known one, an older or
 * equal one is ignored; a tombstone turns the entry into the shredded marker for good (record and wraps dropped).
 */
final class EnvelopeProcessor implements Processor<String, byte[], Void, Void> {

    private final SourceDecoder<Envelope> decoder;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, ViewEntry> store;

    EnvelopeProcessor(SourceDecoder<Envelope> decoder) {
        this.decoder = decoder;
    }

    @Override
    public void init(ProcessorContext<Void, Void> processorContext) {
        this.context = processorContext;
        this.store = processorContext.getStateStore(TransactionViewTopology.STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String id = record.key();
        if (id == null) {
            return;
        }
        if (record.value() == null) {
            ViewStores.update(store, id, entry -> ViewEntry.shreddedMarker());
            return;
        }
        decoder.decode(context.recordMetadata(), id, record.value()).ifPresent(envelope -> {
            if (id.equals(envelope.getTransactionId())) {
                ViewStores.update(store, id, entry -> entry.withEnvelope(envelope.getGeneration(), record.value()));
            } else {
                SourceDecoder.skipped(context.recordMetadata(), id, "key is not the transaction id");
            }
        });
    }
}
