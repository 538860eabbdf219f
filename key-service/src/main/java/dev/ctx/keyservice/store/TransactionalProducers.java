package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Creates the store's idempotent transactional producer ({@code acks=all}, one transactional id per store). */
final class TransactionalProducers {

    private TransactionalProducers() {}

    /**
     * A new transactional producer that has fenced every earlier one with the same id and settled its open transaction.
     */
    static KafkaProducer<String, byte[]> initialised(StoreConfig config) {
        KafkaProducer<String, byte[]> fresh =
                new KafkaProducer<>(properties(config), new StringSerializer(), new ByteArraySerializer());
        try {
            fresh.initTransactions();
            return fresh;
        } catch (KafkaException e) {
            fresh.close(Duration.ZERO);
            throw e;
        }
    }

    static Map<String, Object> properties(StoreConfig config) {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        int timeoutMs = (int) config.timeout().toMillis();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2);
        // the commit gives up after max.block.ms with a TimeoutException (unknown outcome, recovered from) before the
        // batches themselves expire, so a broker outage always takes the same path
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs * 2);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Math.max(timeoutMs * 2, 10_000));
        return props;
    }
}
