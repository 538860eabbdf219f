package dev.ctx.benchmarks.e2e;

import java.util.Map;

import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes generated transactions to an input topic, as fast as possible or at a fixed rate. */
final class InputLoader implements AutoCloseable {

    private final KafkaProducer<String, Transaction> producer;
    private final TransactionGenerator generator;

    InputLoader(BenchmarkEnvironment environment, GeneratorSettings settings, long seed) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), environment.serde(Transaction.class).serializer());
        this.generator = new TransactionGenerator(settings, seed);
    }

    /** Sends {@code count} transactions as fast as the producer takes them and waits for every ack. */
    void backlog(String topic, int count) {
        for (int i = 0; i < count; i++) {
            send(topic);
        }
        producer.flush();
    }

    /** Sends {@code count} transactions at {@code perSecond}, stamping each with its send time. */
    void paced(String topic, int count, double perSecond) throws InterruptedException {
        long start = System.nanoTime();
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            send(topic);
        }
        producer.flush();
    }

    private void send(String topic) {
        Transaction transaction = generator.next();
        producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(), transaction.getTransactionId(), transaction));
    }

    @Override
    public void close() {
        producer.close();
    }
}
