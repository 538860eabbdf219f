package dev.ctx.processor.encrypt;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.dlq.RejectedTransactionException;
import dev.ctx.processor.dlq.SourceCoordinates;
import dev.ctx.processor.keys.RecipientResolver;
import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.processor.keys.StoreKeyringLookup;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.transaction.Transaction;

/**
 * Turns one plaintext transaction into its {@link EncryptionOutcome}: sealed when confidential (or when the mode is
 * {@link EncryptionMode#ALWAYS}), clear otherwise, rejected when it must not be encrypted. Never rekeys. Logs
 * coordinates and ids, never field values.
 */
public final class EncryptProcessor implements FixedKeyProcessor<String, Transaction, EncryptionOutcome> {

    private static final Logger LOGGER = LoggerFactory.getLogger(EncryptProcessor.class);

    private final EncryptionSettings settings;
    private final String keyringStoreName;
    private final ConfidentialFields confidentialFields = ConfidentialFields.ofTransaction();
    private FixedKeyProcessorContext<String, EncryptionOutcome> context;
    private RecipientResolver resolver;
    private Sealer sealer;

    /**
     * @param keyringStoreName the global store materializing {@code participant-keys}
     */
    public EncryptProcessor(EncryptionSettings settings, String keyringStoreName) {
        this.settings = settings;
        this.keyringStoreName = keyringStoreName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EncryptionOutcome> context) {
        this.context = context;
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> store =
                context.getStateStore(keyringStoreName);
        this.resolver = new RecipientResolver(new StoreKeyringLookup(store));
        if (sealer != null) {
            sealer.close();
        }
        // A fresh sealer per task start: epoch wraps never reuse or restore an HPKE context.
        this.sealer = settings.sealer().forTask();
    }

    @Override
    public void close() {
        if (sealer != null) {
            sealer.close();
            sealer = null;
        }
    }

    @Override
    public void process(FixedKeyRecord<String, Transaction> record) {
        context.forward(record.withValue(outcomeOf(record)));
    }

    /**
     * The outcome of {@code record} without forwarding it (for a processor that wraps this one, such as the
     * duplicate-id guard); counts the record in.
     */
    public EncryptionOutcome outcomeOf(FixedKeyRecord<String, Transaction> record) {
        settings.metrics().recordIn();
        SourceCoordinates from = coordinates();
        Transaction transaction = record.value();
        try {
            checkKey(record.key(), transaction);
            return outcome(transaction, from);
        } catch (RejectedTransactionException rejection) {
            return rejected(from, record.key(), transaction, rejection);
        }
    }

    /** The dead-letter outcome of {@code record} for a rejection decided outside this step; counts the record in. */
    public EncryptionOutcome rejectedOutcome(
            FixedKeyRecord<String, Transaction> record, RejectedTransactionException rejection) {
        settings.metrics().recordIn();
        return rejected(coordinates(), record.key(), record.value(), rejection);
    }

    private EncryptionOutcome outcome(Transaction transaction, SourceCoordinates from) {
        if (settings.mode() == EncryptionMode.OPT_IN && !transaction.getConfidential()) {
            settings.metrics().passedInClear();
            return EncryptionOutcome.clear(
                    EncryptedTransactions.clear(transaction),
                    AccessEvents.passedInClear(
                            transaction.getTransactionId(),
                            transaction.getParticipants(),
                            confidentialFields.names(),
                            settings.source(),
                            from,
                            settings.clock().instant()));
        }
        List<ResolvedRecipient> recipients = resolver.resolve(transaction.getParticipants());
        SealResult sealed = seal(transaction, recipients);
        Instant now = settings.clock().instant();
        settings.metrics().encrypted();
        return EncryptionOutcome.sealed(
                EncryptedTransactions.sealed(transaction, sealed),
                Envelopes.firstGeneration(transaction.getTransactionId(), sealed, now),
                AccessEvents.encrypted(
                        transaction.getTransactionId(),
                        sealed,
                        confidentialFields.names(),
                        settings.source(),
                        from,
                        now),
                Receipts.of(transaction, sealed, settings.source(), now));
    }

    private SealResult seal(Transaction transaction, List<ResolvedRecipient> recipients) {
        try {
            return sealer.seal(transaction, recipients);
        } catch (EnvelopeException e) {
            throw new RejectedTransactionException(
                    DeadLetterReason.SEAL_FAILED,
                    "envelope library refused to seal: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    private static void checkKey(String key, Transaction transaction) {
        if (transaction == null) {
            throw new RejectedTransactionException(DeadLetterReason.UNDECODABLE_RECORD, "record has no value");
        }
        if (key == null || !key.equals(transaction.getTransactionId())) {
            throw new RejectedTransactionException(
                    DeadLetterReason.KEY_MISMATCH,
                    "record key differs from the transaction id " + transaction.getTransactionId());
        }
    }

    private EncryptionOutcome rejected(
            SourceCoordinates from, String key, Transaction transaction, RejectedTransactionException rejection) {
        String transactionId = transaction != null ? transaction.getTransactionId() : key;
        settings.metrics().deadLetter(rejection.reason());
        LOGGER.atWarn()
                .addKeyValue("txnId", transactionId)
                .addKeyValue("reason", rejection.reason())
                .addKeyValue("topicName", from.topic())
                .addKeyValue("partition", from.partition())
                .addKeyValue("offset", from.offset())
                .log("transaction sent to the dead-letter topic");
        return EncryptionOutcome.rejected(
                settings.deadLetters().of(from, transactionId, rejection), rejection.reason());
    }

    private SourceCoordinates coordinates() {
        return context.recordMetadata()
                .map(EncryptProcessor::coordinatesOf)
                .orElse(new SourceCoordinates("unknown", -1, -1L));
    }

    private static SourceCoordinates coordinatesOf(RecordMetadata metadata) {
        return new SourceCoordinates(metadata.topic(), metadata.partition(), metadata.offset());
    }
}
