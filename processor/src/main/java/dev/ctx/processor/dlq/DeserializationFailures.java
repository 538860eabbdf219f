package dev.ctx.processor.dlq;

import java.util.Optional;

import dev.ctx.schemas.serde.IncompatibleWriterSchemaException;
import dev.ctx.schemas.serde.SchemaLookupException;
import dev.ctx.schemas.serde.UnknownSchemaIdException;
import dev.ctx.schemas.serde.WriterSchemaNotAllowedException;

/**
 * Classifies a deserialization failure: {@code WRITER_SCHEMA_NOT_ALLOWED} for a writer schema off the allow-list,
 * {@code SCHEMA_MISMATCH} for an unknown or unreadable writer schema, empty for
 * a registry failure, {@code UNDECODABLE_RECORD} for anything else (bad framing, malformed Avro, a bad key).
 */
final class DeserializationFailures {

    private DeserializationFailures() {}

    /**
     * @return the reason to dead-letter the record with, or empty when the record may be fine and the failure is the
     *     registry's (the task must fail rather than drop a good record)
     */
    static Optional<DeadLetterReason> classify(Exception failure) {
        if (failure instanceof SchemaLookupException) {
            return Optional.empty();
        }
        if (failure instanceof WriterSchemaNotAllowedException) {
            return Optional.of(DeadLetterReason.WRITER_SCHEMA_NOT_ALLOWED);
        }
        if (failure instanceof UnknownSchemaIdException || failure instanceof IncompatibleWriterSchemaException) {
            return Optional.of(DeadLetterReason.SCHEMA_MISMATCH);
        }
        return Optional.of(DeadLetterReason.UNDECODABLE_RECORD);
    }
}
