package dev.ctx.processor.topology;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.receipts.Receipt;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.serde.WriterSchemaAllowList;
import dev.ctx.schemas.transaction.Transaction;

/** The value serdes of the encryption topology, all Confluent-wire-format Avro against one schema registry. */
public record TopologySerdes(
        Serde<Transaction> transaction,
        Serde<ParticipantKeyring> keyring,
        Serde<EncryptedTransaction> encrypted,
        Serde<Envelope> envelope,
        Serde<AccessEvent> accessEvent,
        Serde<DeadLetter> deadLetter,
        Serde<Receipt> receipt)
        implements AutoCloseable {

    /**
     * Serdes whose {@code transactions} deserializer reads only the compiled-in {@link Transaction} writer schema.
     *
     * @param registryConfig serde configuration; at least {@code schema.registry.url}
     */
    public static TopologySerdes create(Map<String, ?> registryConfig) {
        return create(registryConfig, WriterSchemaAllowList.of(Transaction.getClassSchema(), List.of()));
    }

    /**
     * @param registryConfig serde configuration; at least {@code schema.registry.url}
     * @param transactionWriters the writer schemas the {@code transactions} value may be read with; others raise
     *     {@link dev.ctx.schemas.serde.WriterSchemaNotAllowedException} before any field is read
     */
    public static TopologySerdes create(Map<String, ?> registryConfig, WriterSchemaAllowList transactionWriters) {
        return new TopologySerdes(
                ConfluentAvroSerdes.forClass(Transaction.class, registryConfig, false, transactionWriters),
                ConfluentAvroSerdes.forClass(ParticipantKeyring.class, registryConfig, false),
                ConfluentAvroSerdes.forClass(EncryptedTransaction.class, registryConfig, false),
                ConfluentAvroSerdes.forClass(Envelope.class, registryConfig, false),
                ConfluentAvroSerdes.forClass(AccessEvent.class, registryConfig, false),
                ConfluentAvroSerdes.forClass(DeadLetter.class, registryConfig, false),
                ConfluentAvroSerdes.forClass(Receipt.class, registryConfig, false));
    }

    /** Closes every serde (and with them their registry clients). */
    @Override
    public void close() {
        transaction.close();
        keyring.close();
        encrypted.close();
        envelope.close();
        accessEvent.close();
        deadLetter.close();
        receipt.close();
    }
}
