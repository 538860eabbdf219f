package dev.ctx.processor.topics;

import java.util.List;
import java.util.Objects;

import dev.ctx.schemas.commands.EnvelopeCommandSerde;

/**
 * The names of the topics the encryption and rewrap topologies read and writes.
 *
 * @param envelopeCommands the key service's revocation and shredding commands, read by the rewrap topology
 *     (docs/revocation-and-shredding.md)
 */
public record TopicNames(
        String transactions,
        String encrypted,
        String envelopes,
        String participantKeys,
        String accessEvents,
        String deadLetters,
        String envelopeCommands,
        String receipts) {

    public TopicNames {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(encrypted, "encrypted");
        Objects.requireNonNull(envelopes, "envelopes");
        Objects.requireNonNull(participantKeys, "participantKeys");
        Objects.requireNonNull(accessEvents, "accessEvents");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(envelopeCommands, "envelopeCommands");
        Objects.requireNonNull(receipts, "receipts");
    }

    /** With the default command topic, {@value EnvelopeCommandSerde#DEFAULT_TOPIC}, and receipts topic. */
    public TopicNames(
            String transactions,
            String encrypted,
            String envelopes,
            String participantKeys,
            String accessEvents,
            String deadLetters) {
        this(
                transactions,
                encrypted,
                envelopes,
                participantKeys,
                accessEvents,
                deadLetters,
                EnvelopeCommandSerde.DEFAULT_TOPIC,
                "transactions.receipts");
    }

    /** The names from the design's topic table. */
    public static TopicNames defaults() {
        return new TopicNames(
                "transactions",
                "transactions.encrypted",
                "transactions.envelopes",
                "participant-keys",
                "access-log.events",
                "transactions.dlq",
                EnvelopeCommandSerde.DEFAULT_TOPIC,
                "transactions.receipts");
    }

    /** Every name, inputs first. */
    public List<String> all() {
        return List.of(
                transactions,
                participantKeys,
                encrypted,
                envelopes,
                accessEvents,
                deadLetters,
                envelopeCommands,
                receipts);
    }
}
