package dev.ctx.keyservice.lookup;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.ctx.schemas.encrypted.EncryptedTransaction;

/**
 * Puts a sealed {@code transactions.encrypted} value into the view (the first one of an id wins, as the processor
 * seals an id once). Cleartext records ({@code sealed == null}) have no envelope and are not kept; a record whose key
 * is not its transaction id is skipped.
 */
final class EncryptedRecordProcessor implements Processor<String, byte[], Void, Void> {

    private final SourceDecoder<EncryptedTransaction> decoder;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, ViewEntry> store;

    EncryptedRecordProcessor(SourceDecoder<EncryptedTransaction> decoder) {
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
        if (id == null || record.value() == null) {
            return;
        }
        decoder.decode(context.recordMetadata(), id, record.value()).ifPresent(transaction -> {
            if (!id.equals(transaction.getTransactionId())) {
                SourceDecoder.skipped(context.recordMetadata(), id, "key is not the transaction id");
            } else if (transaction.getSealed() != null) {
                ViewStores.update(store, id, entry -> entry.withRecord(record.value()));
            }
        });
    }
}
