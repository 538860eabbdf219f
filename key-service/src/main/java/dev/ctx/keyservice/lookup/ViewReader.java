package dev.ctx.keyservice.lookup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.serde.SchemaLookupException;

/**
 * Answers {@link TransactionLookup#find} from a view store: Found only for a sealed record together with an envelope;
 * Shredded for the marker; Unknown otherwise (no entry, only one half so far, or a cleartext record, which the view
 * does not keep). A registry that cannot decode the stored values raises {@link LookupUnavailableException}.
 */
public final class ViewReader implements TransactionLookup, ParticipantTransactions {

    private final Supplier<ReadOnlyKeyValueStore<String, ViewEntry>> store;
    private final ViewTopics topics;
    private final ViewSerdes serdes;

    /**
     * A reader over {@code store}.
     *
     * @param store the store, resolved per call (interactive queries may move it)
     */
    public ViewReader(Supplier<ReadOnlyKeyValueStore<String, ViewEntry>> store, ViewTopics topics, ViewSerdes serdes) {
        this.store = store;
        this.topics = topics;
        this.serdes = serdes;
    }

    @Override
    public LookupResult find(String transactionId) {
        Objects.requireNonNull(transactionId, "transactionId");
        ViewEntry entry = store.get().get(transactionId);
        if (entry == null) {
            return new LookupResult.Unknown(transactionId);
        }
        if (entry.isShredded()) {
            return new LookupResult.Shredded(transactionId);
        }
        Optional<byte[]> record = entry.record();
        Optional<byte[]> envelope = entry.envelope();
        if (record.isEmpty() || envelope.isEmpty()) {
            return new LookupResult.Unknown(transactionId);
        }
        try {
            EncryptedTransaction transaction = serdes.encrypted().deserialize(topics.encrypted(), record.get());
            Envelope newest = serdes.envelope().deserialize(topics.envelopes(), envelope.get());
            return new LookupResult.Found(transaction, newest);
        } catch (SchemaLookupException e) {
            throw new LookupUnavailableException("the schema registry cannot decode the view entry", e);
        }
    }

    /** A full scan of the view, decoding each record: for erasure, not for the request path. */
    @Override
    public List<String> transactionsOf(String participantId, Instant from, Instant to, int limit) {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, ViewEntry> all = store.get().all()) {
            while (all.hasNext() && ids.size() < limit) {
                KeyValue<String, ViewEntry> entry = all.next();
                if (entry.value.isShredded()
                        || entry.value.envelope().isEmpty()
                        || entry.value.record().isEmpty()) {
                    continue;
                }
                EncryptedTransaction transaction;
                try {
                    transaction = serdes.encrypted()
                            .deserialize(
                                    topics.encrypted(), entry.value.record().get());
                } catch (SchemaLookupException e) {
                    throw new LookupUnavailableException("the schema registry cannot decode the view entry", e);
                }
                Instant at = transaction.getTimestamp();
                if (transaction.getParticipants().contains(participantId) && !at.isBefore(from) && at.isBefore(to)) {
                    ids.add(entry.key);
                }
            }
        }
        return ids;
    }
}
