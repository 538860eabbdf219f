package dev.ctx.processor.rewrap;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.dlq.SourceCoordinates;

/**
 * A rewrap that failed for good becomes a {@code REWRAP_FAILED} dead letter naming the transaction, participant,
 * versions, generation and the key service's code (never a wrap), is counted and logged; it is not retried.
 */
final class RewrapFailures {

    private static final Logger LOGGER = LoggerFactory.getLogger(RewrapFailures.class);

    /** Every code a rewrap can fail with for good: the key service's final errors and {@code ANSWER_MISMATCH}. */
    static final List<String> CODES = Stream.concat(
                    Arrays.stream(RewrapError.values())
                            .filter(error -> !error.retryLater())
                            .map(RewrapError::name),
                    Stream.of("ANSWER_MISMATCH"))
            .toList();

    private final RewrapSettings settings;
    private final ProcessorContext<String, Object> context;
    private final String envelopesTopic;

    RewrapFailures(RewrapSettings settings, ProcessorContext<String, Object> context, String envelopesTopic) {
        this.settings = settings;
        this.context = context;
        this.envelopesTopic = envelopesTopic;
    }

    void failed(String participant, int toVersion, RewrapItem item, String code, long now) {
        settings.metrics().failed(participant, code);
        String detail = "rewrap of participant " + participant + " from key version "
                + item.wrap().getKeyVersion() + " to " + toVersion + " at generation " + item.generation()
                + " failed: " + code;
        SourceCoordinates from =
                new SourceCoordinates(envelopesTopic, context.taskId().partition(), -1L);
        context.forward(
                new Record<String, Object>(
                        item.transactionId(),
                        settings.deadLetters().of(from, item.transactionId(), DeadLetterReason.REWRAP_FAILED, detail),
                        now),
                RewrapProcessor.DEAD_LETTERS_SINK);
        LOGGER.atWarn()
                .addKeyValue("txnId", item.transactionId())
                .addKeyValue("participant", participant)
                .addKeyValue("fromVersion", item.wrap().getKeyVersion())
                .addKeyValue("toVersion", toVersion)
                .addKeyValue("generation", item.generation())
                .addKeyValue("code", code)
                .log("rewrap failed; dead letter written");
    }
}
