package dev.ctx.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record could not be serialized or deserialized. The message names the topic and the cause, never payload bytes
 * or field values. Subclasses name each cause so handlers can route them (for example to a dead-letter topic).
 */
public abstract class AvroSerdeException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final String topic;

    /**
     * Creates the exception.
     *
     * @param topic the topic of the record
     * @param problem what is wrong, without payload content
     * @param cause the underlying failure, or null
     */
    protected AvroSerdeException(String topic, String problem, Throwable cause) {
        super("topic '" + topic + "': " + problem, cause);
        this.topic = topic;
    }

    /** Returns the topic of the record that failed. */
    public String topic() {
        return topic;
    }
}
