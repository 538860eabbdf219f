package dev.ctx.client.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.testkit.auditlog.AccessLogFixture;
import dev.ctx.testkit.auditlog.AccessLogFixture.LoggedCheckpoint;
import dev.ctx.testkit.auditlog.AccessLogFixture.LoggedEntry;
import dev.ctx.testkit.auditlog.FixtureSigner;

/**
 * The order a follower sees: the sealer writes a checkpoint after the entries it covers, so entries past the newest
 * checkpoint are verified from it at once and handed to the authoritative chain when their checkpoint arrives.
 */
class FollowedPartitionTest {

    private static final FixtureSigner SIGNER = FixtureSigner.generate("audit-signer-1");
    private static final SigningKeys KEYS = FixtureFeed.keys(SIGNER);
    private static final AccessLogFixture LOG = AccessLogFixture.seal(1, 50, 20, SIGNER);

    @Test
    void checkpointsWrittenAfterTheirEntriesHoldAndEveryEntryCountsOnce() {
        // Given
        FollowedPartition partition = partition();

        // When: entries 0..49 with the checkpoints of 0..19 and 20..39 each after its last entry
        asTheSealerWrites(LOG, partition, 50);
        partition.endOffset(50);

        // Then
        FollowStatus status = partition.status();
        assertThat(status.broken()).isEmpty();
        assertThat(status.lastSequence()).isEqualTo(49);
        assertThat(status.lastOffset()).isEqualTo(49);
        assertThat(status.entriesVerified()).isEqualTo(50);
        assertThat(status.checkpointsVerified()).isEqualTo(2);
        assertThat(status.lastCheckpointSignedAtMillis()).isPositive();
        assertThat(status.lag()).isZero();
    }

    @Test
    void checkpointsReadBeforeTheirEntriesHoldToo() {
        // Given
        FollowedPartition partition = partition();

        // When: the catch-up order of a one-shot verification
        List<LoggedCheckpoint> checkpoints = LOG.checkpoints(0);
        for (int offset = 0; offset < checkpoints.size(); offset++) {
            partition.checkpoint(offset, checkpoints.get(offset).value());
        }
        List<LoggedEntry> entries = LOG.entries(0);
        for (int offset = 0; offset < entries.size(); offset++) {
            partition.entry(offset, entries.get(offset).value());
        }

        // Then
        assertThat(partition.status().broken()).isEmpty();
        assertThat(partition.status().entriesVerified()).isEqualTo(50);
        assertThat(partition.status().checkpointsVerified()).isEqualTo(2);
    }

    @Test
    void aModifiedEntryAfterTheNewestCheckpointIsFoundBeforeAnyCheckpointCoversIt() {
        // Given
        FollowedPartition partition = partition();

        // When: up to sequence 45, no checkpoint after 39
        asTheSealerWrites(LOG.withModifiedEvent(0, 43), partition, 46);

        // Then
        assertThat(partition.broken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(BreakKind.MODIFIED_EVENT);
            assertThat(b.offset()).isEqualTo(43);
        });
        assertThat(partition.status().lastSequence()).isEqualTo(42);
    }

    @Test
    void aDroppedEntryBeforeTheFirstCheckpointIsASequenceGap() {
        // Given
        FollowedPartition partition = partition();

        // When
        asTheSealerWrites(LOG.withoutEntry(0, 7), partition, 12);

        // Then
        assertThat(partition.broken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(BreakKind.SEQUENCE_GAP);
            assertThat(b.offset()).isEqualTo(7);
        });
    }

    @Test
    void aChainRewrittenAfterACheckpointBreaksAtTheNextCheckpoint() {
        // Given: every hash from sequence 25 on recomputed, so the entries chain among themselves
        FollowedPartition partition = partition();

        // When
        asTheSealerWrites(LOG.withRechainedModification(0, 25), partition, 50);

        // Then
        assertThat(partition.broken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(BreakKind.BAD_HEAD_HASH);
            assertThat(b.topic()).isEqualTo(AccessLogTopics.defaults().checkpoints());
            assertThat(b.offset()).isEqualTo(1);
        });
    }

    @Test
    void aBrokenPartitionIgnoresWhatFollows() {
        // Given
        FollowedPartition partition = partition();
        asTheSealerWrites(LOG.withModifiedEvent(0, 3), partition, 50);

        // When
        FollowStatus status = partition.status();

        // Then
        assertThat(status.broken()).isPresent();
        assertThat(status.entriesVerified()).isEqualTo(3);
        assertThat(status.checkpointsVerified()).isZero();
    }

    private static FollowedPartition partition() {
        return new FollowedPartition(0, AccessLogTopics.defaults(), KEYS);
    }

    /** The first {@code count} entries (offset = index), each checkpoint right after the entry it ends at. */
    private static void asTheSealerWrites(AccessLogFixture log, FollowedPartition partition, int count) {
        List<LoggedEntry> entries = log.entries(0);
        List<LoggedCheckpoint> checkpoints = log.checkpoints(0);
        int next = 0;
        for (int offset = 0; offset < count; offset++) {
            long sequence = entries.get(offset).value().getSequence();
            partition.entry(offset, entries.get(offset).value());
            while (next < checkpoints.size() && checkpoints.get(next).value().getLastSequence() <= sequence) {
                partition.checkpoint(next, checkpoints.get(next).value());
                next++;
            }
        }
    }
}
