package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.audit.EventBatchCommit;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;

/**
 * Commits batches of access-request decisions to {@code access-log.events}, one Kafka transaction per batch, with the
 * store's transactional producer setup ({@link TransactionalProducers}: idempotent, {@code acks=all}) under its own
 * transactional id {@code <store.transactional.id>-access} ({@code -access-<service.instance>} with several
 * replicas), so a batch never waits behind a lifecycle change.
 *
 * <p>A failed commit is settled as the store settles its own: fenced or unauthorized is fatal (every later batch fails,
 * the instance must be restarted); a timeout leaves the outcome unknown, so the producer is dropped and the next batch
 * builds a fresh one, whose {@code initTransactions} fences the old transaction; any other failure aborts. Called from
 * the group committer's single thread.
 */
public final class AccessEventLog implements EventBatchCommit, AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(AccessEventLog.class);

    private final StoreConfig config;
    private final Serde<AccessEvent> serde;
    private KafkaProducer<String, byte[]> producer;
    private boolean fatal;

    private AccessEventLog(StoreConfig config, Serde<AccessEvent> serde, KafkaProducer<String, byte[]> producer) {
        this.config = config;
        this.serde = serde;
        this.producer = producer;
    }

    /** A log on the store's cluster and access-event topic; its producer is initialised at once. */
    public static AccessEventLog open(StoreConfig store, Serde<AccessEvent> eventSerde) {
        return open(store, eventSerde, "access");
    }

    /**
     * A log like {@link #open(StoreConfig, Serde)} under the transactional id {@link StoreConfig#ownTransactionalId}
     * of {@code purpose}.
     */
    static AccessEventLog open(StoreConfig store, Serde<AccessEvent> eventSerde, String purpose) {
        StoreConfig config = store.withTransactionalId(store.ownTransactionalId(purpose));
        try {
            return new AccessEventLog(
                    config,
                    Objects.requireNonNull(eventSerde, "eventSerde"),
                    TransactionalProducers.initialised(config));
        } catch (KafkaException e) {
            throw new StoreUnavailableException("cannot initialise the access event producer", e);
        }
    }

    @Override
    public synchronized void commit(List<AccessEvent> batch) {
        if (fatal) {
            throw new StoreUnavailableException("the access event producer was fenced or refused; restart", null);
        }
        String topic = config.topics().accessEvents();
        try {
            KafkaProducer<String, byte[]> current = producer();
            current.beginTransaction();
            for (AccessEvent event : batch) {
                String key = event.getTransactionId() == null ? event.getRequester() : event.getTransactionId();
                current.send(new ProducerRecord<>(topic, key, serde.serializer().serialize(topic, event)));
            }
            current.commitTransaction();
        } catch (KafkaException | IllegalStateException e) {
            settle(e);
            throw new StoreUnavailableException(
                    "access events were not committed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = TransactionalProducers.initialised(config);
        }
        return producer;
    }

    private void settle(RuntimeException e) {
        LOGGER.atWarn()
                .addKeyValue("error", e.getClass().getSimpleName())
                .addKeyValue(
                        "cause",
                        e.getCause() == null ? null : e.getCause().getClass().getSimpleName())
                .log("access event batch not committed");
        if (KafkaErrors.isFatal(e)) {
            fatal = true;
            drop();
        } else if (KafkaErrors.isUnknownOutcome(e)) {
            drop();
        } else if (producer != null) {
            try {
                producer.abortTransaction();
            } catch (KafkaException | IllegalStateException abortFailed) {
                fatal = KafkaErrors.isFatal(abortFailed);
                drop();
            }
        }
    }

    private void drop() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(config.timeout());
            producer = null;
        }
    }
}
