package dev.ctx.keyservice.store;

import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

import dev.ctx.keyservice.grants.GrantLog;
import dev.ctx.keyservice.grants.GrantState;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessGrant;

/**
 * {@link GrantLog} on {@code access-grants}: the grant record (key = grant id) and its access event (key = grant id)
 * in one transaction of the store's own {@link TransactionRunner}, so grants share the store's single writer,
 * fencing, health and recovery instead of a producer of their own.
 */
final class KafkaGrantLog implements GrantLog {

    private final TransactionRunner transactions;
    private final StoreRecords records;
    private final String topic;
    private final Serde<AccessGrant> serde;

    KafkaGrantLog(TransactionRunner transactions, StoreRecords records, String topic, Serde<AccessGrant> serde) {
        this.transactions = transactions;
        this.records = records;
        this.topic = topic;
        this.serde = serde;
    }

    @Override
    public void commit(GrantState state, AccessEvent event) {
        String key = state.grantId();
        ProducerRecord<String, byte[]> grant = new ProducerRecord<>(topic, key, serialize(state));
        transactions.commit(key, List.of(grant, records.event(key, event)));
    }

    private byte[] serialize(GrantState state) {
        try {
            return serde.serializer().serialize(topic, GrantRecordMapper.toAvro(state));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(
                    "cannot serialize the grant " + state.grantId() + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
