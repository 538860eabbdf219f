package dev.ctx.client.auditlog;

/**
 * What was verified of one partition: {@code entries} chained entries (sequences {@code firstSequence} to
 * {@code lastSequence}, -1 when none), {@code checkpoints} checkpoints matched against them, {@code unsignedEntries}
 * entries after the last checkpoint (chained, not yet signed) and {@code skippedEntries} entries before the anchor of
 * a verification started from an offset.
 */
public record PartitionSummary(
        int partition,
        long entries,
        long firstSequence,
        long lastSequence,
        long checkpoints,
        long unsignedEntries,
        long skippedEntries,
        long lastOffset) {}
