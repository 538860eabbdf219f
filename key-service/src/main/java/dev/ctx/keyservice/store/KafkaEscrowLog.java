package dev.ctx.keyservice.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

import dev.ctx.keyservice.escrow.EscrowCase;
import dev.ctx.keyservice.escrow.EscrowLog;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.EscrowRequest;

/**
 * {@link EscrowLog} on {@code escrow-requests}: the request record (key = request id) and its access events (key =
 * request id) in one transaction of the store's own {@link TransactionRunner}, so escrow shares the store's single
 * writer, fencing, health and recovery.
 */
final class KafkaEscrowLog implements EscrowLog {

    private final TransactionRunner transactions;
    private final StoreRecords records;
    private final String topic;
    private final Serde<EscrowRequest> serde;

    KafkaEscrowLog(TransactionRunner transactions, StoreRecords records, String topic, Serde<EscrowRequest> serde) {
        this.transactions = transactions;
        this.records = records;
        this.topic = topic;
        this.serde = serde;
    }

    @Override
    public void commit(EscrowCase escrowCase, List<AccessEvent> events) {
        String key = escrowCase.requestId();
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        batch.add(new ProducerRecord<>(topic, key, serialize(escrowCase)));
        events.forEach(event -> batch.add(records.event(key, event)));
        transactions.commit(key, batch);
    }

    private byte[] serialize(EscrowCase escrowCase) {
        try {
            return serde.serializer().serialize(topic, EscrowRecordMapper.toAvro(escrowCase));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(
                    "cannot serialize the escrow request " + escrowCase.requestId() + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
