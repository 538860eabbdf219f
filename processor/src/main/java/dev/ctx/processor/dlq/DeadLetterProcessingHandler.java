package dev.ctx.processor.dlq;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The safety net behind the encryption step: any exception it did not turn into a dead letter itself sends the input
 * to the dead-letter topic as {@link DeadLetterReason#PROCESSING_FAILED} (detail: the exception type only, since a
 * foreign message could quote a value) and processing continues. Nothing of the input is written elsewhere.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetterRecords deadLetterRecords;

    @Override
    public void configure(Map<String, ?> configs) {
        this.deadLetterRecords = DeadLetterRecords.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        byte[] key = record.key() instanceof String id ? id.getBytes(StandardCharsets.UTF_8) : null;
        String detail = "processing failed: " + exception.getClass().getSimpleName();
        return Response.resume(List.of(deadLetterRecords.of(context, key, DeadLetterReason.PROCESSING_FAILED, detail)));
    }
}
