package dev.ctx.client.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.testkit.auditlog.AccessLogFixture;
import dev.ctx.testkit.auditlog.FixtureSigner;

/** The export file (docs/access-log-chain.md §7) round-trips every field and fails closed when cut or edited. */
class ExportFileTest {

    private static final FixtureSigner SIGNER = FixtureSigner.generate("audit-signer-1");
    private static final SigningKeys KEYS = FixtureFeed.keys(SIGNER);
    private static final AccessLogFixture LOG = AccessLogFixture.seal(2, 25, 10, SIGNER);

    @TempDir
    Path dir;

    @Test
    void everyRecordRoundTripsWithItsPartitionAndOffset() throws IOException {
        // Given
        Path file = FixtureFeed.export(LOG, KEYS, dir.resolve("log.jsonl"));
        Recording recording = new Recording();
        // When
        ExportHeader header;
        try (ExportFileReader reader = ExportFileReader.open(file)) {
            header = reader.header();
            reader.readInto(recording);
        }
        // Then
        assertThat(header.format()).isEqualTo("ctx-access-log-export/v1");
        assertThat(header.keys().keys()).isEqualTo(KEYS.keys());
        List<String> expected = new ArrayList<>();
        for (int partition : LOG.partitions()) {
            List<AccessLogFixture.LoggedCheckpoint> checkpoints = LOG.checkpoints(partition);
            for (int offset = 0; offset < checkpoints.size(); offset++) {
                expected.add("checkpoint " + partition + "@" + offset + " "
                        + checkpoints.get(offset).value());
            }
            List<AccessLogFixture.LoggedEntry> entries = LOG.entries(partition);
            for (int offset = 0; offset < entries.size(); offset++) {
                expected.add("entry " + partition + "@" + offset + " "
                        + entries.get(offset).key() + " " + entries.get(offset).value());
            }
            expected.add("end " + partition + "@" + entries.size());
        }
        assertThat(recording.lines).containsExactlyElementsOf(expected);
    }

    @Test
    void aFileCutShortIsTruncated() throws IOException {
        // Given: the trailer and the last entries are gone
        Path file = FixtureFeed.export(LOG, KEYS, dir.resolve("log.jsonl"));
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 4));
        // When
        VerificationReport report = ExportFileVerification.verify(file, KEYS, ProgressListener.NONE);
        // Then
        assertThat(report.breaks()).extracting(ChainBreak::kind).contains(BreakKind.TRUNCATED);
        assertThat(report.firstBreak().orElseThrow().topic()).isEqualTo("export-file");
    }

    @Test
    void aLineRemovedFromTheMiddleBreaksTheChainAtItsOffset() throws IOException {
        // Given: entry 1@12 removed (header, 2 checkpoints, 25 entries and an end line of partition 0, then 2
        // checkpoints of partition 1: entry 1@12 is line 1 + 28 + 2 + 13 = 44)
        Path file = FixtureFeed.export(LOG, KEYS, dir.resolve("log.jsonl"));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        assertThat(lines.get(43)).contains("\"partition\":1,\"offset\":12,");
        lines.remove(43);
        Files.write(file, lines);
        // When
        VerificationReport report = ExportFileVerification.verify(file, KEYS, ProgressListener.NONE);
        // Then
        assertThat(report.breaks())
                .extracting(ChainBreak::kind, ChainBreak::partition, ChainBreak::offset)
                .contains(tuple(BreakKind.SEQUENCE_GAP, 1, 13L));
    }

    @Test
    void aLineThatIsNotJsonIsUndecodableAtItsLine() throws IOException {
        Path file = FixtureFeed.export(LOG, KEYS, dir.resolve("log.jsonl"));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(5, "{\"kind\":\"entry\",\"partition\":0,");
        Files.write(file, lines);
        VerificationReport report = ExportFileVerification.verify(file, KEYS, ProgressListener.NONE);
        assertThat(report.firstBreak().orElseThrow())
                .extracting(ChainBreak::topic, ChainBreak::kind)
                .containsExactly("export-file", BreakKind.UNDECODABLE);
    }

    @Test
    void aNonAsciiCharacterInAnEventsBase64IsRejectedNotReadAsTheAsciiDigitItsLowByteNames() throws IOException {
        // Given: the first base64 digit of an entry's event replaced by the character 256 above it
        Path file = FixtureFeed.export(LOG, KEYS, dir.resolve("log.jsonl"));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String line = lines.get(5);
        int at = line.indexOf("\"event\":\"") + "\"event\":\"".length();
        lines.set(5, line.substring(0, at) + (char) (line.charAt(at) + 0x100) + line.substring(at + 1));
        Files.write(file, lines);
        // When
        VerificationReport report = ExportFileVerification.verify(file, KEYS, ProgressListener.NONE);
        // Then
        assertThat(report.firstBreak().orElseThrow())
                .extracting(ChainBreak::topic, ChainBreak::kind)
                .containsExactly("export-file", BreakKind.UNDECODABLE);
    }

    private static final class Recording implements AccessLogSink {
        private final List<String> lines = new ArrayList<>();

        @Override
        public void checkpoint(int partition, long offset, AccessLogCheckpoint checkpoint) {
            lines.add("checkpoint " + partition + "@" + offset + " " + checkpoint);
        }

        @Override
        public void entry(int partition, long offset, String key, SealedAccessEvent entry) {
            lines.add("entry " + partition + "@" + offset + " " + key + " " + entry);
        }

        @Override
        public void undecodable(String topic, int partition, long offset, byte[] value, String reason) {
            lines.add("undecodable " + topic);
        }

        @Override
        public void endOfEntries(int partition, long endOffset) {
            lines.add("end " + partition + "@" + endOffset);
        }
    }
}
