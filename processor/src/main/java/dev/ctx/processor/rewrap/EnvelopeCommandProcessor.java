package dev.ctx.processor.rewrap;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.dlq.SourceCoordinates;
import dev.ctx.schemas.commands.EnvelopeCommand;
import dev.ctx.schemas.commands.EnvelopeCommandFormatException;
import dev.ctx.schemas.commands.EnvelopeCommandFormatV1;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.keys.ParticipantKeyring;

/**
 * Reads {@code transactions.envelope-commands} (raw bytes, decoded here so that an undecodable value is a dead letter,
 * not a stopped stream thread) and applies each command through {@link Revocations}; a command whose record key is
 * not its transaction id, or that does not decode, is an {@code UNDECODABLE_RECORD} / {@code KEY_MISMATCH} dead
 * letter and changes nothing. Its wall-clock punctuator drops the wraps under revoked or destroyed key versions
 * ({@link KeyRevocationWatch}). Outputs go to {@link #ENVELOPES_SINK}, {@link #EVENTS_SINK} and
 * {@link #DEAD_LETTERS_SINK}.
 */
final class EnvelopeCommandProcessor implements Processor<String, byte[], String, Object> {

    static final String NAME = "rewrap-envelope-commands";
    static final String ENVELOPES_SINK = "revocation-envelopes-sink";
    static final String EVENTS_SINK = "revocation-access-events-sink";
    static final String DEAD_LETTERS_SINK = "revocation-dead-letters-sink";

    private static final Logger LOGGER = LoggerFactory.getLogger(EnvelopeCommandProcessor.class);

    private final RewrapSettings settings;
    private ProcessorContext<String, Object> context;
    private Revocations revocations;

    EnvelopeCommandProcessor(RewrapSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        KeyValueStore<String, Envelope> envelopes = context.getStateStore(RewrapStores.ENVELOPES);
        KeyValueStore<String, Integer> indexStore = context.getStateStore(RewrapStores.INDEX);
        revocations = new Revocations(
                context,
                new EnvelopeIndex(envelopes, indexStore),
                indexStore,
                context.getStateStore(RevocationStores.SHREDDED),
                context.getStateStore(RevocationStores.REVOKED_ACCESS),
                settings.source());
        TimestampedKeyValueStore<String, ParticipantKeyring> keyrings = context.getStateStore(RewrapStores.KEYRINGS);
        KeyRevocationWatch watch = new KeyRevocationWatch(keyrings, revocations);
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, watch::check);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        EnvelopeCommand command;
        try {
            command = EnvelopeCommandFormatV1.decode(record.value());
        } catch (EnvelopeCommandFormatException e) {
            refuse(record.key(), DeadLetterReason.UNDECODABLE_RECORD, "envelope command: " + e.getMessage());
            return;
        }
        if (!command.transactionId().equals(record.key())) {
            refuse(
                    record.key(),
                    DeadLetterReason.KEY_MISMATCH,
                    "envelope command " + command.commandId() + " names another transaction than its record key");
            return;
        }
        long now = context.currentSystemTimeMs();
        switch (command.kind()) {
            case SHRED -> revocations.shred(command, now);
            case REVOKE_ACCESS -> revocations.revokeAccess(command, now);
        }
    }

    private void refuse(String key, DeadLetterReason reason, String detail) {
        RecordMetadata metadata = context.recordMetadata().orElse(null);
        SourceCoordinates from = metadata == null
                ? new SourceCoordinates("unknown", -1, -1L)
                : new SourceCoordinates(metadata.topic(), metadata.partition(), metadata.offset());
        context.forward(
                new Record<String, Object>(
                        key, settings.deadLetters().of(from, key, reason, detail), context.currentSystemTimeMs()),
                DEAD_LETTERS_SINK);
        LOGGER.atWarn()
                .addKeyValue("topic", from.topic())
                .addKeyValue("partition", from.partition())
                .addKeyValue("offset", from.offset())
                .addKeyValue("reason", reason)
                .log("envelope command refused; dead letter written, nothing changed");
    }
}
