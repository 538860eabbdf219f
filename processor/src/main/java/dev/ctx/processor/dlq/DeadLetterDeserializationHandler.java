package dev.ctx.processor.dlq;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.schemas.serde.WriterSchemaNotAllowedException;

/**
 * Routes an input record that cannot be decoded to the dead-letter topic and continues. A registry failure fails the
 * task instead (the record may be good). A keyring record whose value cannot be decoded never gets here (the keyring
 * deserializer disables its participant); one whose key cannot be decoded is skipped without a dead letter.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    /** Streams configuration key naming the keyring topic, whose bad records are skipped. */
    public static final String KEYRING_TOPIC_CONFIG = "ctx.keyring.topic";

    private static final Logger LOGGER = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetterRecords deadLetterRecords;
    private String keyringTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        this.deadLetterRecords = DeadLetterRecords.from(configs);
        this.keyringTopic = String.valueOf(configs.get(KEYRING_TOPIC_CONFIG));
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Optional<DeadLetterReason> reason = DeserializationFailures.classify(exception);
        if (reason.isEmpty()) {
            LOGGER.atError()
                    .addKeyValue("topicName", context.topic())
                    .addKeyValue("partition", context.partition())
                    .addKeyValue("offset", context.offset())
                    .addKeyValue("error", exception.getClass().getSimpleName())
                    .log("schema registry failure while decoding; failing the task");
            return Response.fail();
        }
        if (context.topic().equals(keyringTopic)) {
            LOGGER.atWarn()
                    .addKeyValue("topicName", context.topic())
                    .addKeyValue("partition", context.partition())
                    .addKeyValue("offset", context.offset())
                    .log("skipping an undecodable keyring record");
            return Response.resume();
        }
        String detail = exception instanceof WriterSchemaNotAllowedException refused
                ? "writer schema " + refused.schemaId() + " not allowed: sha256 " + refused.fingerprint()
                : "cannot decode: " + exception.getClass().getSimpleName();
        return Response.resume(List.of(deadLetterRecords.of(context, record.key(), reason.get(), detail)));
    }
}
