package dev.ctx.schemas.commands;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link EnvelopeCommandFormatV1} as a Kafka serde. The deserializer answers {@code null} for a {@code null} value
 * and throws {@link EnvelopeCommandFormatException} for an undecodable one (the reader decides what to do with it).
 */
public final class EnvelopeCommandSerde implements Serde<EnvelopeCommand> {

    /** The topic's default name. */
    public static final String DEFAULT_TOPIC = "transactions.envelope-commands";

    @Override
    public Serializer<EnvelopeCommand> serializer() {
        return (topic, command) -> command == null ? null : EnvelopeCommandFormatV1.encode(command);
    }

    @Override
    public Deserializer<EnvelopeCommand> deserializer() {
        return (topic, bytes) -> bytes == null ? null : EnvelopeCommandFormatV1.decode(bytes);
    }
}
