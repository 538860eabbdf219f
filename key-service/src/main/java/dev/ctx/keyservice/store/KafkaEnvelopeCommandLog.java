package dev.ctx.keyservice.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.ctx.keyservice.revocation.EnvelopeCommandLog;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.commands.EnvelopeCommand;
import dev.ctx.schemas.commands.EnvelopeCommandFormatV1;

/**
 * {@link EnvelopeCommandLog} on {@code transactions.envelope-commands}: each command (key = its transaction id, value
 * {@link EnvelopeCommandFormatV1}, default partitioner, so it lands in the partition of its envelope) and its access
 * event (key = transaction id) in one transaction of the store's own {@link TransactionRunner}: the same single
 * writer, fencing, health and recovery as lifecycle changes.
 */
final class KafkaEnvelopeCommandLog implements EnvelopeCommandLog {

    private final TransactionRunner transactions;
    private final StoreRecords records;
    private final String topic;

    KafkaEnvelopeCommandLog(TransactionRunner transactions, StoreRecords records, String topic) {
        this.transactions = transactions;
        this.records = records;
        this.topic = topic;
    }

    @Override
    public void commit(List<EnvelopeCommand> commands, List<AccessEvent> events) {
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        for (EnvelopeCommand command : commands) {
            batch.add(new ProducerRecord<>(topic, command.transactionId(), EnvelopeCommandFormatV1.encode(command)));
        }
        for (AccessEvent event : events) {
            batch.add(records.event(event.getTransactionId(), event));
        }
        String key = commands.size() == 1 ? "command " + commands.get(0).commandId() : commands.size() + " commands";
        transactions.commit(key, batch);
    }
}
