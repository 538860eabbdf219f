package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;

/**
 * Writes batches of denial events to {@code access-log.events} with a producer of its own: idempotent,
 * {@code acks=all}, and <em>not</em> transactional.
 *
 * <p>Why not the store's transactional producer: {@code docs/audit.md}.
 */
public final class DenialEventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Serde<AccessEvent> serde;
    private final Duration timeout;

    private DenialEventProducer(
            KafkaProducer<String, byte[]> producer, String topic, Serde<AccessEvent> serde, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.serde = serde;
        this.timeout = timeout;
    }

    /** A producer on the store's cluster and access-event topic. */
    public static DenialEventProducer open(StoreConfig config, Serde<AccessEvent> eventSerde) {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        int timeoutMs = (int) config.timeout().toMillis();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.ownTransactionalId("denials"));
        try {
            return new DenialEventProducer(
                    new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()),
                    config.topics().accessEvents(),
                    Objects.requireNonNull(eventSerde, "eventSerde"),
                    config.timeout());
        } catch (KafkaException e) {
            throw new StoreUnavailableException("cannot create the denial event producer", e);
        }
    }

    /**
     * Sends the batch and waits until the broker acknowledged all of it.
     *
     * @throws StoreUnavailableException if any event was not acknowledged
     */
    public void write(List<AccessEvent> batch) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        for (AccessEvent event : batch) {
            String key = event.getSubject() == null ? event.getRequester() : event.getSubject();
            sent.add(producer.send(
                    new ProducerRecord<>(topic, key, serde.serializer().serialize(topic, event))));
        }
        long deadline = System.nanoTime() + timeout.toNanos() * 2;
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new StoreUnavailableException(
                        "denial events were not acknowledged (" + e.getClass().getSimpleName() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while writing denial events", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close(timeout);
    }
}
