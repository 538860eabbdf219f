package dev.ctx.client.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.schemas.auditlog.Sha256;
import dev.ctx.testkit.auditlog.AccessLogFixture;
import dev.ctx.testkit.auditlog.FixtureSigner;

/**
 * Every way of breaking the log the issue names is found at the exact (topic, partition, offset) with its kind, from
 * records fed as a broker source feeds them and from an export file. The fixture: two partitions of 55 events, a
 * checkpoint after every 10th (five per partition, covering 0..49; 50..54 unsigned); the tampering is in partition
 * 1, partition 0 stays intact.
 */
class AccessLogVerifierTest {

    private static final FixtureSigner SIGNER = FixtureSigner.generate("audit-signer-1");
    private static final FixtureSigner OTHER = FixtureSigner.generate("audit-signer-x");
    private static final SigningKeys KEYS = FixtureFeed.keys(SIGNER);
    private static final AccessLogFixture CLEAN = AccessLogFixture.seal(2, 55, 10, SIGNER);
    private static final String ENTRIES = "access-log";
    private static final String CHECKPOINTS = "access-log.checkpoints";

    @TempDir
    Path dir;

    enum Source {
        FED,
        EXPORT_FILE
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("modified event", CLEAN.withModifiedEvent(1, 23), ENTRIES, 23, BreakKind.MODIFIED_EVENT),
                Arguments.of("dropped event", CLEAN.withoutEntry(1, 23), ENTRIES, 23, BreakKind.SEQUENCE_GAP),
                Arguments.of("reordered events", CLEAN.withSwappedEntries(1, 23), ENTRIES, 23, BreakKind.REORDERED),
                Arguments.of("injected event", CLEAN.withInjectedEntry(1, 23), ENTRIES, 23, BreakKind.INJECTED),
                Arguments.of(
                        "modified event with the chain recomputed",
                        CLEAN.withRechainedModification(1, 23),
                        CHECKPOINTS,
                        2,
                        BreakKind.BAD_HEAD_HASH),
                Arguments.of(
                        "forged checkpoint (root changed, signature kept)",
                        CLEAN.withForgedCheckpoint(1, 2, c -> c.setMerkleRoot(new Sha256(new byte[32]))),
                        CHECKPOINTS,
                        2,
                        BreakKind.BAD_SIGNATURE),
                Arguments.of(
                        "checkpoint signed by another key under its own id",
                        CLEAN.withCheckpointSignedBy(1, 2, OTHER.keyId(), OTHER, c -> c),
                        CHECKPOINTS,
                        2,
                        BreakKind.UNKNOWN_SIGNING_KEY),
                Arguments.of(
                        "checkpoint signed by another key under the published id",
                        CLEAN.withCheckpointSignedBy(1, 2, SIGNER.keyId(), OTHER, c -> c),
                        CHECKPOINTS,
                        2,
                        BreakKind.BAD_SIGNATURE),
                Arguments.of(
                        "checkpoint with a wrong root signed by the real key",
                        CLEAN.withCheckpointSignedBy(
                                1, 4, SIGNER.keyId(), SIGNER, c -> c.setMerkleRoot(new Sha256(new byte[32]))),
                        CHECKPOINTS,
                        4,
                        BreakKind.BAD_MERKLE_ROOT),
                Arguments.of(
                        "checkpoint that skips sequences, signed by the real key",
                        CLEAN.withCheckpointSignedBy(1, 2, SIGNER.keyId(), SIGNER, c -> c.setFirstSequence(21)),
                        CHECKPOINTS,
                        2,
                        BreakKind.CHECKPOINT_CHAIN_BROKEN),
                Arguments.of(
                        "log truncated before the last checkpoint's sequence",
                        CLEAN.truncatedAfter(1, 45),
                        ENTRIES,
                        46,
                        BreakKind.TRUNCATED));
    }

    static Stream<Arguments> tamperingsFromEverySource() {
        return tamperings()
                .flatMap(arguments -> Stream.of(Source.values()).map(source -> {
                    Object[] values = arguments.get();
                    return Arguments.of(values[0], source, values[1], values[2], values[3], values[4]);
                }));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("tamperingsFromEverySource")
    void findsTheBreakAtItsExactOffsetWithItsKind(
            String name, Source source, AccessLogFixture tampered, String topic, int offset, BreakKind kind)
            throws IOException {
        // When
        VerificationReport report = verify(tampered, source);
        // Then
        assertThat(report.valid()).isFalse();
        assertThat(report.breaks()).hasSize(1);
        ChainBreak found = report.breaks().get(0);
        assertThat(found.kind()).as(found.describe()).isEqualTo(kind);
        assertThat(found.topic()).isEqualTo(topic);
        assertThat(found.partition()).isEqualTo(1);
        assertThat(found.offset()).isEqualTo(offset);
    }

    @ParameterizedTest
    @MethodSource("sources")
    void aCleanLogOf100000EventsVerifies(Source source) throws IOException {
        // Given
        AccessLogFixture clean = AccessLogFixture.seal(2, 50_000, 1_000, SIGNER);
        // When
        VerificationReport report = verify(clean, source);
        // Then
        assertThat(report.breaks()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.entries()).isEqualTo(100_000);
        assertThat(report.checkpoints()).isEqualTo(100);
        assertThat(report.partitions()).allSatisfy(partition -> {
            assertThat(partition.lastSequence()).isEqualTo(49_999);
            assertThat(partition.unsignedEntries()).isZero();
        });
    }

    @Test
    void theUnsignedTailIsChainedAndCounted() {
        // When
        VerificationReport report = FixtureFeed.verify(CLEAN, KEYS);
        // Then
        assertThat(report.valid()).isTrue();
        assertThat(report.partitions()).allSatisfy(partition -> {
            assertThat(partition.entries()).isEqualTo(55);
            assertThat(partition.checkpoints()).isEqualTo(5);
            assertThat(partition.unsignedEntries()).isEqualTo(5);
        });
    }

    @Test
    void aLogTruncatedAfterItsLastCheckpointStillVerifiesButCountsNoTail() {
        // Given: the unsigned tail is gone, every signed sequence is still there
        AccessLogFixture truncated = CLEAN.truncatedAfter(1, 49);
        // When
        VerificationReport report = FixtureFeed.verify(truncated, KEYS);
        // Then
        assertThat(report.valid()).isTrue();
        assertThat(report.partitions().get(1).unsignedEntries()).isZero();
    }

    @Test
    void aCheckpointUnderAKeyTheVerifierWasNotGivenIsUnknown() {
        // When: the verifier pins another key
        VerificationReport report = FixtureFeed.verify(CLEAN, FixtureFeed.keys(OTHER));
        // Then
        assertThat(report.breaks())
                .extracting(ChainBreak::kind, ChainBreak::offset)
                .containsExactly(tuple(BreakKind.UNKNOWN_SIGNING_KEY, 0L), tuple(BreakKind.UNKNOWN_SIGNING_KEY, 0L));
    }

    static Stream<Source> sources() {
        return Stream.of(Source.values());
    }

    private VerificationReport verify(AccessLogFixture fixture, Source source) throws IOException {
        if (source == Source.FED) {
            return FixtureFeed.verify(fixture, KEYS);
        }
        Path file = FixtureFeed.export(fixture, KEYS, dir.resolve("export.jsonl"));
        return ExportFileVerification.verify(file, KEYS, ProgressListener.NONE);
    }
}
