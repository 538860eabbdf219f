package dev.ctx.client.auditlog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.ctx.testkit.auditlog.AccessLogFixture;
import dev.ctx.testkit.auditlog.AccessLogFixture.LoggedCheckpoint;
import dev.ctx.testkit.auditlog.AccessLogFixture.LoggedEntry;
import dev.ctx.testkit.auditlog.FixtureSigner;

/** Feeds a fixture to a sink as a broker source would (offset = index), and writes it as an export file. */
final class FixtureFeed {

    private FixtureFeed() {}

    static void feed(AccessLogFixture fixture, AccessLogSink sink) {
        for (int partition : fixture.partitions()) {
            List<LoggedCheckpoint> checkpoints = fixture.checkpoints(partition);
            for (int offset = 0; offset < checkpoints.size(); offset++) {
                sink.checkpoint(partition, offset, checkpoints.get(offset).value());
            }
            List<LoggedEntry> entries = fixture.entries(partition);
            for (int offset = 0; offset < entries.size(); offset++) {
                sink.entry(
                        partition,
                        offset,
                        entries.get(offset).key(),
                        entries.get(offset).value());
            }
            sink.endOfEntries(partition, entries.size());
        }
    }

    static VerificationReport verify(AccessLogFixture fixture, SigningKeys keys) {
        AccessLogVerifier verifier = new AccessLogVerifier(keys, AccessLogTopics.defaults());
        feed(fixture, verifier);
        return verifier.finish();
    }

    static Path export(AccessLogFixture fixture, SigningKeys keys, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ExportFileWriter writer = new ExportFileWriter(
                        out,
                        new ExportHeader("", "2026-06-01T12:00:00Z", "fixture", AccessLogTopics.defaults(), keys))) {
            feed(fixture, writer);
        }
        return file;
    }

    static SigningKeys keys(FixtureSigner... signers) {
        return SigningKeys.parse(FixtureSigner.keysJson(signers).getBytes(StandardCharsets.UTF_8));
    }
}
