package dev.ctx.client.auditlog;

import java.util.Locale;
import java.util.Objects;

/**
 * The first broken place of one partition: the record at ({@code topic}, {@code partition}, {@code offset}) and what is
 * wrong with it. {@code detail} names fields and sequences, never event content.
 */
public record ChainBreak(String topic, int partition, long offset, BreakKind kind, String detail) {

    public ChainBreak {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line: {@code KIND at topic/partition@offset: detail}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s at %s/%d@%d: %s", kind, topic, partition, offset, detail);
    }
}
