package dev.ctx.keyservice.store;

import org.apache.kafka.common.serialization.Serde;

import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.keyservice.audit.DenialEventQueue;
import dev.ctx.schemas.access.AccessEvent;

/** The denial-event path: a bounded {@link DenialEventQueue} drained into a {@link DenialEventProducer}. */
public final class Denials implements AutoCloseable {

    /** Events written to Kafka at once at most (one producer round trip per batch). */
    public static final int MAX_BATCH = 500;

    private final DenialEventProducer producer;
    private final DenialEventQueue queue;
    private final StoreConfig config;

    private Denials(DenialEventProducer producer, DenialEventQueue queue, StoreConfig config) {
        this.producer = producer;
        this.queue = queue;
        this.config = config;
    }

    /**
     * @param capacity events queued at most; more are dropped and counted
     * ({@code ctx_keyservice_denial_events_dropped_total})
     */
    public static Denials start(StoreConfig config, Serde<AccessEvent> eventSerde, int capacity, MeterRegistry meters) {
        DenialEventProducer producer = DenialEventProducer.open(config, eventSerde);
        return new Denials(producer, DenialEventQueue.start(capacity, MAX_BATCH, producer::write, meters), config);
    }

    /** Where request threads submit denial events. */
    public DenialEventQueue queue() {
        return queue;
    }

    /** Writes what is queued (within the store timeout), then closes the producer. */
    @Override
    public void close() {
        queue.close(config.timeout());
        producer.close();
    }
}
