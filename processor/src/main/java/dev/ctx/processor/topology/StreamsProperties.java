package dev.ctx.processor.topology;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.dlq.DeadLetterDeserializationHandler;
import dev.ctx.processor.dlq.DeadLetterProcessingHandler;
import dev.ctx.processor.dlq.DeadLetterRecords;

/** The Kafka Streams properties of the encryption application. */
public final class StreamsProperties {

    static final String READ_COMMITTED = "read_committed";

    private StreamsProperties() {}

    /**
     * Streams settings from the processor configuration, the dead-letter handlers wired to {@code deadLetterRecords},
     * then every {@code streams.}-prefixed override.
     */
    public static Properties of(ProcessorConfig config, DeadLetterRecords deadLetterRecords) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(ProcessorConfig.APPLICATION_ID_CONFIG));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                config.getString(ProcessorConfig.PROCESSING_GUARANTEE_CONFIG));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(ProcessorConfig.NUM_STREAM_THREADS_CONFIG));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(ProcessorConfig.STATE_DIR_CONFIG));
        props.putAll(handlers(deadLetterRecords, config.topicNames().participantKeys()));
        props.putAll(config.streamsOverrides());
        // the key service writes keyrings in Kafka transactions: never act on an aborted (uncommitted) keyring,
        // whatever the processing guarantee or the overrides say
        props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), READ_COMMITTED);
        return props;
    }

    /**
     * Validates the Kafka Streams settings (including every {@code streams.} override) without starting anything.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the first invalid key
     */
    public static void validate(ProcessorConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(ProcessorConfig.APPLICATION_ID_CONFIG));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.putAll(config.streamsOverrides());
        new StreamsConfig(props);
    }

    /** The dead-letter handler settings alone, for tests that build their own properties. */
    public static Properties handlers(DeadLetterRecords deadLetterRecords, String keyringTopic) {
        Properties props = new Properties();
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        props.put(DeadLetterRecords.CONFIG_KEY, deadLetterRecords);
        props.put(DeadLetterDeserializationHandler.KEYRING_TOPIC_CONFIG, keyringTopic);
        return props;
    }
}
