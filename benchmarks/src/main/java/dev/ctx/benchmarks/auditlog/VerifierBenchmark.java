package dev.ctx.benchmarks.auditlog;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.ctx.client.auditlog.AccessLogSink;
import dev.ctx.client.auditlog.AccessLogTopics;
import dev.ctx.client.auditlog.ExportFileReader;
import dev.ctx.client.auditlog.ExportFileVerification;
import dev.ctx.client.auditlog.ExportFileWriter;
import dev.ctx.client.auditlog.ExportHeader;
import dev.ctx.client.auditlog.ProgressListener;
import dev.ctx.client.auditlog.SigningKeys;
import dev.ctx.client.auditlog.VerificationReport;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.testkit.auditlog.AccessLogFixture;
import dev.ctx.testkit.auditlog.FixtureSigner;

/**
 * Verifies an export file of {@code events} events on the calling thread, alternating with the baseline of reading
 * and decoding the same file into records (JSON parse, hex and base64 decode, record build) without checking
 * anything, {@code rounds} times each; prints events/s of both and their ratio. Arguments: events (default
 * 1,000,000), partitions (4), checkpoint interval (1,000), rounds (3), file (a temporary one; an existing file is
 * reused with its {@code .keys.json}). Rates per wall-clock second and per CPU-second of the thread (the machine is
 * shared).
 */
public final class VerifierBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private VerifierBenchmark() {}

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path file = args.length > 4 ? Path.of(args[4]) : Files.createTempFile("ctx-access-log-", ".jsonl");
        Path keysFile = Path.of(file + ".keys.json");
        long start = System.nanoTime();
        if (!Files.exists(keysFile) || !Files.exists(file) || Files.size(file) == 0) {
            FixtureSigner signer = FixtureSigner.generate("bench-signer");
            Files.writeString(keysFile, FixtureSigner.keysJson(signer));
            AccessLogFixture fixture = AccessLogFixture.seal(partitions, events / partitions, every, signer);
            write(fixture, SigningKeys.read(keysFile), file);
        }
        SigningKeys keys = SigningKeys.read(keysFile);
        System.out.printf(
                Locale.ROOT,
                "file: %s, %,d bytes, %,d events in %d partitions, checkpoint every %,d" + " (written in %.1f s)%n",
                file,
                Files.size(file),
                events,
                partitions,
                every,
                seconds(start));
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            long read = readOnly(file);
            double baseline = read / seconds(t0);
            double baselineCpu = read / ((CPU.getCurrentThreadCpuTime() - c0) / 1e9);
            long t1 = System.nanoTime();
            long c1 = CPU.getCurrentThreadCpuTime();
            VerificationReport report = ExportFileVerification.verify(file, keys, ProgressListener.NONE);
            double verified = report.entries() / seconds(t1);
            double verifiedCpu = report.entries() / ((CPU.getCurrentThreadCpuTime() - c1) / 1e9);
            if (!report.valid() || report.entries() != read) {
                throw new IllegalStateException("the benchmark log does not verify: " + report.breaks());
            }
            System.out.printf(
                    Locale.ROOT,
                    "round %d: read+decode %,.0f events/s (%,.0f per CPU-second) | verify %,.0f events/s"
                            + " (%,.0f per CPU-second) | ratio %.2f (CPU %.2f)%n",
                    round,
                    baseline,
                    baselineCpu,
                    verified,
                    verifiedCpu,
                    verified / baseline,
                    verifiedCpu / baselineCpu);
        }
    }

    private static long readOnly(Path file) throws IOException {
        long[] count = new long[1];
        try (ExportFileReader reader = ExportFileReader.open(file)) {
            reader.readInto(new AccessLogSink() {
                @Override
                public void checkpoint(int partition, long offset, AccessLogCheckpoint checkpoint) {}

                @Override
                public void entry(int partition, long offset, String key, SealedAccessEvent entry) {
                    count[0]++;
                }

                @Override
                public void undecodable(String topic, int partition, long offset, byte[] value, String reason) {}
            });
        }
        return count[0];
    }

    private static void write(AccessLogFixture fixture, SigningKeys keys, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ExportFileWriter writer = new ExportFileWriter(
                        out, new ExportHeader("", "", "VerifierBenchmark", AccessLogTopics.defaults(), keys))) {
            for (int partition : fixture.partitions()) {
                List<AccessLogFixture.LoggedCheckpoint> checkpoints = fixture.checkpoints(partition);
                for (int offset = 0; offset < checkpoints.size(); offset++) {
                    writer.checkpoint(partition, offset, checkpoints.get(offset).value());
                }
                List<AccessLogFixture.LoggedEntry> entries = fixture.entries(partition);
                for (int offset = 0; offset < entries.size(); offset++) {
                    writer.entry(
                            partition,
                            offset,
                            entries.get(offset).key(),
                            entries.get(offset).value());
                }
                writer.endOfEntries(partition, entries.size());
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
