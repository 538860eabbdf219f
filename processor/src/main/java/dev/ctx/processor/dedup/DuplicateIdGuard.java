package dev.ctx.processor.dedup;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.dlq.RejectedTransactionException;
import dev.ctx.processor.encrypt.EncryptProcessor;
import dev.ctx.processor.encrypt.EncryptionOutcome;
import dev.ctx.processor.metrics.ProcessorMetrics;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.transaction.Transaction;

/**
 * Runs the encryption step only for the first accepted record of each transaction id:
 * <ul>
 * <li>id not in the store: encrypt; if the outcome is sealed or clear, remember the id's {@link FirstSeen} (digest and
 * seal id). A rejected record is not remembered, so it can be re-sent once its cause (e.g. a keyring) is fixed.</li>
 * <li>id in the store with the same digest: drop silently (idempotent re-send), count it.</li>
 * <li>id in the store with another digest: dead letter {@code DUPLICATE_TRANSACTION_ID}; nothing is sealed and the
 * first envelope stays untouched.</li>
 * </ul>
 * Records without a value or with a key that differs from the transaction id go straight to the encryption step,
 * which rejects them. The store update is written in the same task as the outputs, so under {@code exactly_once_v2}
 * the changelog record commits or aborts with them.
 */
public final class DuplicateIdGuard implements FixedKeyProcessor<String, Transaction, EncryptionOutcome> {

    private static final Logger LOGGER = LoggerFactory.getLogger(DuplicateIdGuard.class);

    private final EncryptProcessor encrypt;
    private final ProcessorMetrics metrics;
    private final String storeName;
    private FixedKeyProcessorContext<String, EncryptionOutcome> context;
    private KeyValueStore<String, FirstSeen> store;

    public DuplicateIdGuard(EncryptProcessor encrypt, ProcessorMetrics metrics, String storeName) {
        this.encrypt = encrypt;
        this.metrics = metrics;
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EncryptionOutcome> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        encrypt.init(context);
    }

    @Override
    public void process(FixedKeyRecord<String, Transaction> record) {
        Transaction transaction = record.value();
        if (transaction == null || record.key() == null || !record.key().equals(transaction.getTransactionId())) {
            encrypt.process(record);
            return;
        }
        byte[] digest = TransactionDigest.of(transaction);
        FirstSeen first = store.get(record.key());
        if (first == null) {
            EncryptionOutcome outcome = encrypt.outcomeOf(record);
            if (outcome.reason().isEmpty()) {
                store.put(record.key(), new FirstSeen(digest, sealIdOf(outcome)));
            }
            context.forward(record.withValue(outcome));
        } else if (MessageDigest.isEqual(first.digest(), digest)) {
            metrics.recordIn();
            metrics.duplicateDropped();
            LOGGER.atInfo()
                    .addKeyValue("txnId", record.key())
                    .log("repeated transaction id with identical content dropped");
        } else {
            context.forward(record.withValue(encrypt.rejectedOutcome(
                    record,
                    new RejectedTransactionException(
                            DeadLetterReason.DUPLICATE_TRANSACTION_ID,
                            "transaction id " + record.key()
                                    + " was already accepted with different content; the first seal is kept"))));
        }
    }

    private static byte[] sealIdOf(EncryptionOutcome outcome) {
        EncryptedTransaction encrypted = outcome.encrypted().get(0);
        if (encrypted.getSealed() == null || encrypted.getSealed().getSealId() == null) {
            return new byte[0];
        }
        ByteBuffer sealId = encrypted.getSealed().getSealId().duplicate();
        byte[] bytes = new byte[sealId.remaining()];
        sealId.get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        encrypt.close();
    }
}
