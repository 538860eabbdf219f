package dev.ctx.client.auditlog;

import java.util.List;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;

/** Feeds every record to several sinks in turn (the verifier and an export writer). */
public final class TeeSink implements AccessLogSink {

    private final List<AccessLogSink> sinks;

    public TeeSink(List<AccessLogSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void checkpoint(int partition, long offset, AccessLogCheckpoint checkpoint) {
        sinks.forEach(sink -> sink.checkpoint(partition, offset, checkpoint));
    }

    @Override
    public void entry(int partition, long offset, String key, SealedAccessEvent entry) {
        for (AccessLogSink sink : sinks) {
            sink.entry(partition, offset, key, entry);
        }
    }

    @Override
    public void undecodable(String topic, int partition, long offset, byte[] value, String reason) {
        sinks.forEach(sink -> sink.undecodable(topic, partition, offset, value, reason));
    }

    @Override
    public void endOfEntries(int partition, long endOffset) {
        sinks.forEach(sink -> sink.endOfEntries(partition, endOffset));
    }
}
