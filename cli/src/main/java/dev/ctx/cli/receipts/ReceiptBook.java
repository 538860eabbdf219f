package dev.ctx.cli.receipts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.ctx.cli.common.KafkaOptions;
import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.schemas.receipts.Receipt;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;

/**
 * The receipts of {@code transactions.receipts} by transaction id. A repeated record with the same commitment (a
 * producer retry outside a transaction) is one receipt; two different commitments for one id are a conflict that
 * every lookup of that id reports, never a silent choice.
 */
final class ReceiptBook {

    private final Map<String, Receipt> byId = new HashMap<>();
    private final Map<String, Boolean> conflicting = new HashMap<>();

    static ReceiptBook read(KafkaOptions kafka, String topic, Duration timeout) {
        ReceiptBook book = new ReceiptBook();
        List<ConsumerRecord<String, Receipt>> records = TopicSnapshot.read(
                kafka.bootstrapServers(),
                topic,
                ConfluentAvroSerdes.forClass(Receipt.class, kafka.serdeConfig(), false)
                        .deserializer(),
                timeout);
        for (ConsumerRecord<String, Receipt> record : records) {
            book.add(record.value());
        }
        return book;
    }

    private void add(Receipt receipt) {
        if (receipt == null) {
            return;
        }
        Receipt before = byId.putIfAbsent(receipt.getTransactionId(), receipt);
        if (before != null && !before.getCommitment().equals(receipt.getCommitment())) {
            conflicting.put(receipt.getTransactionId(), true);
        }
    }

    /**
     * @throws InvalidInputException if the topic holds two different receipts for {@code transactionId}
     */
    Optional<Receipt> find(String transactionId) {
        if (conflicting.containsKey(transactionId)) {
            throw new InvalidInputException(
                    "transactions.receipts holds two different receipts for transaction " + transactionId);
        }
        return Optional.ofNullable(byId.get(transactionId));
    }

    /** The receipts listing {@code participant} with a transaction timestamp at or after {@code since}, by id. */
    List<Receipt> of(String participant, Instant since) {
        List<Receipt> selected = byId.values().stream()
                .filter(r -> r.getParticipants().contains(participant))
                .filter(r -> !r.getTimestamp().isBefore(since))
                .sorted((a, b) -> a.getTransactionId().compareTo(b.getTransactionId()))
                .toList();
        for (Receipt receipt : selected) {
            find(receipt.getTransactionId());
        }
        return selected;
    }
}
