package dev.ctx.testkit.data;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.transaction.Transaction;

/**
 * An idempotent producer of transactions keyed by their id, as fast as possible or at a fixed rate;
 * {@code ctx produce}, the demo and the end-to-end benchmark share it.
 */
public final class TransactionProducer implements AutoCloseable {

    private final KafkaProducer<String, Transaction> producer;
    private final String topic;
    private final AtomicLong acknowledged = new AtomicLong();
    private volatile Exception failure;

    /** A producer for {@code topic}. */
    public TransactionProducer(String bootstrapServers, Map<String, ?> serdeConfig, String topic) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        this.producer = new KafkaProducer<>(
                config,
                new StringSerializer(),
                ConfluentAvroSerdes.forClass(Transaction.class, serdeConfig, false)
                        .serializer());
        this.topic = topic;
    }

    /**
     * Sends up to {@code count} transactions from {@code source} at {@code perSecond} (0 = unpaced), calling
     * {@code progress} with the number sent so far; returns how many the broker acknowledged.
     *
     * @throws IllegalStateException if a send failed
     */
    public long produce(Iterator<Transaction> source, long count, double perSecond, LongConsumer progress)
            throws InterruptedException {
        long start = System.nanoTime();
        for (long i = 0; i < count && source.hasNext() && failure == null; i++) {
            pace(start, i, perSecond);
            Transaction transaction = source.next();
            producer.send(
                    new ProducerRecord<>(topic, transaction.getTransactionId(), transaction), (metadata, error) -> {
                        if (error != null) {
                            failure = error;
                        } else {
                            acknowledged.incrementAndGet();
                        }
                    });
            progress.accept(i + 1);
        }
        producer.flush();
        if (failure != null) {
            throw new IllegalStateException("producing to " + topic + " failed: " + failure.getMessage(), failure);
        }
        return acknowledged.get();
    }

    private static void pace(long start, long index, double perSecond) throws InterruptedException {
        if (perSecond <= 0) {
            return;
        }
        long dueNanos = start + (long) (index * 1e9 / perSecond);
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
