package dev.ctx.processor.dlq;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.schemas.dlq.DeadLetter;

/**
 * Builds the serialized dead-letter records that the Kafka Streams error handlers hand back to Streams (which sends
 * them in the task's transaction), and counts them. Shared with the handlers through the Streams configuration under
 * {@link #CONFIG_KEY}. Thread-safe.
 */
public final class DeadLetterRecords {

    /** Streams configuration key under which the handlers find this instance. */
    public static final String CONFIG_KEY = "ctx.dead.letter.records";

    private static final Logger LOGGER = LoggerFactory.getLogger(DeadLetterRecords.class);

    private final String topic;
    private final Serializer<DeadLetter> serializer;
    private final DeadLetters deadLetters;
    private final DeadLetterCounter counter;

    public DeadLetterRecords(
            String topic, Serializer<DeadLetter> serializer, DeadLetters deadLetters, DeadLetterCounter counter) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    /**
     * The dead-letter record of a failed input; its key is the input's raw key (the transaction id).
     *
     * @param detail names ids and exception types, never values
     */
    public ProducerRecord<byte[], byte[]> of(
            ErrorHandlerContext failed, byte[] rawKey, DeadLetterReason reason, String detail) {
        SourceCoordinates from = new SourceCoordinates(failed.topic(), failed.partition(), failed.offset());
        String transactionId = rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
        DeadLetter deadLetter = deadLetters.of(from, transactionId, reason, detail);
        byte[] value = serializer.serialize(topic, deadLetter);
        counter.deadLetter(reason);
        LOGGER.atWarn()
                .addKeyValue("txnId", transactionId)
                .addKeyValue("reason", reason)
                .addKeyValue("topicName", from.topic())
                .addKeyValue("partition", from.partition())
                .addKeyValue("offset", from.offset())
                .log("record sent to the dead-letter topic");
        return new ProducerRecord<>(topic, null, rawKey, value);
    }

    /** Finds the instance placed in a Streams configuration. */
    public static DeadLetterRecords from(Map<String, ?> configs) {
        Object value = configs.get(CONFIG_KEY);
        if (!(value instanceof DeadLetterRecords records)) {
            throw new ConfigException(
                    CONFIG_KEY, value, "the Streams configuration must carry a DeadLetterRecords instance");
        }
        return records;
    }
}
