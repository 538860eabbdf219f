package dev.ctx.benchmarks.e2e;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts committed records on the measured topic ({@code read_committed}) and records, per record, the time from its
 * producer timestamp (inherited by Streams from the input) to the moment it became visible.
 */
final class OutputWatcher implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private long count;
    private long firstSeenNanos;
    private long lastSeenNanos;
    private long[] latenciesMillis = new long[0];

    OutputWatcher(BenchmarkEnvironment environment, String topic, String groupId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code expected} records were seen or {@code timeout} passed; returns the count seen. */
    long awaitCount(long expected, Duration timeout, boolean recordLatency) {
        latenciesMillis = recordLatency ? new long[(int) expected] : latenciesMillis;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                observe(record, recordLatency);
            }
        }
        return count;
    }

    private void observe(ConsumerRecord<byte[], byte[]> record, boolean recordLatency) {
        long now = System.nanoTime();
        if (count == 0) {
            firstSeenNanos = now;
        }
        lastSeenNanos = now;
        if (recordLatency && count < latenciesMillis.length) {
            latenciesMillis[(int) count] = System.currentTimeMillis() - record.timestamp();
        }
        count++;
    }

    /** Records per second between the first and the last record seen. */
    double throughputPerSecond() {
        double seconds = (lastSeenNanos - firstSeenNanos) / 1e9;
        return seconds <= 0 ? 0 : (count - 1) / seconds;
    }

    /** Percentiles of the records seen in order {@code [from, to)}, e.g. to look at the start separately. */
    Percentiles latency(int from, int to) {
        int end = (int) Math.min(Math.min(count, latenciesMillis.length), to);
        return Percentiles.of(Arrays.copyOfRange(latenciesMillis, Math.min(from, end), end), Math.max(0, end - from));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
