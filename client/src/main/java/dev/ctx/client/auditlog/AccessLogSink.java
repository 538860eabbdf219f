package dev.ctx.client.auditlog;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;

/**
 * Receives the records of an access log as a source reads them: every checkpoint of a partition before the entries
 * it covers (a broker source reads {@code access-log.checkpoints} first; an export file lists them first), entries
 * in offset order. The verifier and the export writer are sinks.
 */
public interface AccessLogSink {

    /** A decoded checkpoint at {@code offset} of partition {@code partition} of the checkpoints topic. */
    void checkpoint(int partition, long offset, AccessLogCheckpoint checkpoint);

    /** A decoded entry at {@code offset} of partition {@code partition} of the entries topic. */
    void entry(int partition, long offset, String key, SealedAccessEvent entry);

    /**
     * A record that does not decode; {@code value} is its raw value (may be null), {@code reason} says why without
     * its content.
     */
    void undecodable(String topic, int partition, long offset, byte[] value, String reason);

    /** The end of a partition of the entries topic: the next offset, past the last record read. */
    default void endOfEntries(int partition, long endOffset) {}
}
