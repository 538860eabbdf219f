package dev.ctx.cli.audit;

import java.time.Instant;
import java.util.Comparator;

import dev.ctx.schemas.access.AccessEvent;

/**
 * One decoded entry of {@code access-log}: where it is (partition, Kafka offset, chain sequence), when the sealer
 * chained it, and the event decoded from its canonical bytes.
 *
 * @param partition the {@code access-log} partition
 * @param offset the record's offset in that partition (-1 when the source has none)
 * @param sequence the chain sequence number in that partition
 * @param sealedAt when the sealer chained it
 * @param event the access event ({@code CanonicalAccessEvent.decode} of the entry's {@code event} bytes)
 */
public record AuditEntry(int partition, long offset, long sequence, Instant sealedAt, AccessEvent event) {

    /** Oldest event first; ties broken by partition and sequence, so the order is stable. */
    public static final Comparator<AuditEntry> CHRONOLOGICAL = Comparator.comparing(
                    (AuditEntry entry) -> entry.event().getTimestamp())
            .thenComparingInt(AuditEntry::partition)
            .thenComparingLong(AuditEntry::sequence);

    /** When the event happened (the writer's timestamp). */
    public Instant time() {
        return event.getTimestamp();
    }

    /** {@code partition/sequence}, the entry's coordinate in the chain. */
    public String coordinate() {
        return partition + "/" + sequence;
    }
}
