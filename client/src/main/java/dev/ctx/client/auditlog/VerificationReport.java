package dev.ctx.client.auditlog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The outcome of a verification: the first break of every broken partition, and what was verified per partition. */
public record VerificationReport(List<ChainBreak> breaks, List<PartitionSummary> partitions) {

    public VerificationReport {
        breaks = List.copyOf(breaks);
        partitions = List.copyOf(partitions);
    }

    /** Whether every chain and every checkpoint holds. */
    public boolean valid() {
        return breaks.isEmpty();
    }

    /** The break of the lowest partition, if any. */
    public Optional<ChainBreak> firstBreak() {
        return breaks.stream().min(Comparator.comparingInt(ChainBreak::partition));
    }

    /** Entries chained over all partitions. */
    public long entries() {
        return partitions.stream().mapToLong(PartitionSummary::entries).sum();
    }

    /** Checkpoints matched over all partitions. */
    public long checkpoints() {
        return partitions.stream().mapToLong(PartitionSummary::checkpoints).sum();
    }
}
