package dev.ctx.cli.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;

/**
 * Counts what the processor committed ({@code read_committed}) on its output topics, and keeps the first sealed
 * transaction the sample filter accepts, with its envelope, as the sample to open.
 */
final class OutputCounter implements AutoCloseable {

    private static final int ENVELOPES_KEPT = 2_000;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicNames topics;
    private final TopologySerdes serdes;
    private final Predicate<EncryptedTransaction> sampleFilter;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong sealed = new AtomicLong();
    private final AtomicReference<EncryptedTransaction> sample = new AtomicReference<>();
    private final Map<String, Envelope> envelopes = new ConcurrentHashMap<>();
    private final Thread thread;

    OutputCounter(
            String bootstrapServers,
            TopicNames topics,
            TopologySerdes serdes,
            Predicate<EncryptedTransaction> sampleFilter) {
        this.topics = topics;
        this.serdes = serdes;
        this.sampleFilter = sampleFilter;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "ctx-demo-counter-" + System.nanoTime(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(
                List.of(topics.encrypted(), topics.envelopes(), topics.accessEvents(), topics.deadLetters()));
        this.thread = new Thread(this::run, "ctx-demo-counter");
        thread.setDaemon(true);
        thread.start();
    }

    long count(String topic) {
        return counts.computeIfAbsent(topic, name -> new AtomicLong()).get();
    }

    /** Encrypted records whose confidential fields were sealed (the rest passed in clear). */
    long sealed() {
        return sealed.get();
    }

    /** The first sealed transaction the filter accepts and its envelope, once both were seen. */
    Optional<Map.Entry<EncryptedTransaction, Envelope>> sample() {
        EncryptedTransaction transaction = sample.get();
        Envelope envelope = transaction == null ? null : envelopes.get(transaction.getTransactionId());
        return envelope == null ? Optional.empty() : Optional.of(Map.entry(transaction, envelope));
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    observe(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void observe(ConsumerRecord<byte[], byte[]> record) {
        counts.computeIfAbsent(record.topic(), name -> new AtomicLong()).incrementAndGet();
        if (record.topic().equals(topics.encrypted())) {
            EncryptedTransaction transaction =
                    serdes.encrypted().deserializer().deserialize(record.topic(), record.value());
            if (transaction.getSealed() != null) {
                sealed.incrementAndGet();
                if (sample.get() == null && sampleFilter.test(transaction)) {
                    sample.compareAndSet(null, transaction);
                }
            }
        } else if (record.topic().equals(topics.envelopes())
                && envelopes.size() < ENVELOPES_KEPT
                && record.value() != null) {
            Envelope envelope = serdes.envelope().deserializer().deserialize(record.topic(), record.value());
            envelopes.put(envelope.getTransactionId(), envelope);
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
