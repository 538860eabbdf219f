package dev.ctx.processor.topics;

import java.util.List;
import java.util.Objects;

/** The names of the topics the encryption topology reads and writes. */
public record TopicNames(
        String transactions,
        String encrypted,
        String envelopes,
        String participantKeys,
        String accessEvents,
        String deadLetters,
        String receipts) {

    public TopicNames {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(encrypted, "encrypted");
        Objects.requireNonNull(envelopes, "envelopes");
        Objects.requireNonNull(participantKeys, "participantKeys");
        Objects.requireNonNull(accessEvents, "accessEvents");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(receipts, "receipts");
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
                "transactions.receipts");
    }

    /** Every name, inputs first. */
    public List<String> all() {
        return List.of(transactions, participantKeys, encrypted, envelopes, accessEvents, deadLetters, receipts);
    }
}
