package dev.ctx.cli.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.client.auditlog.AccessLogSink;
import dev.ctx.client.auditlog.AccessLogVerifier;
import dev.ctx.client.auditlog.ChainBreak;
import dev.ctx.client.auditlog.ExportFileReader;
import dev.ctx.client.auditlog.ExportFileVerification;
import dev.ctx.client.auditlog.ExportFileWriter;
import dev.ctx.client.auditlog.ExportHeader;
import dev.ctx.client.auditlog.PartitionSummary;
import dev.ctx.client.auditlog.SigningKeys;
import dev.ctx.client.auditlog.TeeSink;
import dev.ctx.client.auditlog.VerificationReport;

/**
 * {@code ctx audit verify}: recomputes every chain of the access log and checks every checkpoint
 * (docs/access-log-chain.md §6), from a broker or an export file; prints one line per partition and the first break
 * of each broken one.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Recompute every chain of access-log and check every signed checkpoint (read_committed from a broker,"
                    + " or --file FILE); print the first break of each partition.",
            "--from-offset N starts each partition at the last checkpoint that covers only sequences before offset"
                    + " N (its signature checked, its head hash the anchor), so the check stays sound.",
            "Exit codes: 0 all holds, 1 could not check (broker, registry, key service, file), 2 usage, 3 broken."
        })
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogSourceOptions source;

    @Mixin
    SigningKeyOptions keys;

    @Option(
            names = "--trust-file-keys",
            description = "With --file and no --signing-keys: trust the keys the file's own header names (proves"
                    + " the file consistent, not who signed it).")
    boolean trustFileKeys;

    @Option(
            names = "--from-offset",
            paramLabel = "N",
            description = "Verify each partition from offset N, anchored at a signed checkpoint (broker only).")
    Long fromOffset;

    @Option(
            names = "--export",
            paramLabel = "FILE",
            description = "Also write what was read as an export file (JSON Lines, for a WORM store).")
    Path export;

    @Option(
            names = "--follow",
            description = "After verifying the log up to now, keep verifying every new entry and checkpoint (broker"
                    + " only) until SIGTERM/Ctrl-C; serve metrics with --metrics-port.")
    boolean follow;

    @Option(
            names = "--metrics-port",
            paramLabel = "N",
            description = "With --follow: serve Prometheus metrics on GET /metrics of this port (0: any free port).")
    Integer metricsPort;

    @Option(
            names = "--metrics-host",
            defaultValue = "0.0.0.0",
            paramLabel = "HOST",
            description = "With --follow: the address the metrics endpoint binds (default: ${DEFAULT-VALUE}).")
    String metricsHost;

    @Override
    public Integer call() throws Exception {
        if (follow) {
            return follow();
        }
        if (metricsPort != null) {
            throw new ParameterException(spec.commandLine(), "--metrics-port needs --follow");
        }
        PrintWriter out = spec.commandLine().getOut();
        ProgressReport progress = new ProgressReport(spec.commandLine().getErr());
        VerificationReport report = source.file != null ? verifyFile(progress) : verifyBroker(progress);
        progress.done();
        print(report, out);
        return report.valid() ? ExitCodes.OK : AuditExitCodes.BROKEN;
    }

    private int follow() throws IOException, InterruptedException {
        if (source.file != null || export != null || fromOffset != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--follow reads a broker from the beginning: no --file, --export, --from-offset");
        }
        if (metricsPort == null) {
            throw new ParameterException(spec.commandLine(), "--follow needs --metrics-port N");
        }
        if (!keys.given()) {
            throw new ParameterException(spec.commandLine(), "give --signing-keys FILE or --key-service URL");
        }
        return new FollowRun(
                        source.consumerConfig(),
                        source.kafka.serdeConfig(),
                        source.topics(),
                        keys.load(),
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .run(metricsHost, metricsPort);
    }

    private VerificationReport verifyFile(ProgressReport progress) throws IOException, InterruptedException {
        if (export != null || fromOffset != null) {
            throw new ParameterException(spec.commandLine(), "--export and --from-offset read a broker, not --file");
        }
        try (ExportFileReader reader = ExportFileReader.open(source.file)) {
            SigningKeys trusted;
            if (keys.given()) {
                trusted = keys.load();
            } else if (trustFileKeys) {
                spec.commandLine()
                        .getErr()
                        .println("ctx audit verify: WARNING: trusting the signing keys named in the file itself");
                trusted = reader.header().keys();
            } else {
                throw new ParameterException(
                        spec.commandLine(), "give --signing-keys FILE or --key-service URL (or --trust-file-keys)");
            }
            return ExportFileVerification.verify(reader, trusted, progress);
        }
    }

    private VerificationReport verifyBroker(ProgressReport progress) throws IOException, InterruptedException {
        if (!keys.given()) {
            throw new ParameterException(spec.commandLine(), "give --signing-keys FILE or --key-service URL");
        }
        SigningKeys trusted = keys.load();
        AccessLogVerifier verifier = new AccessLogVerifier(trusted, source.topics(), progress);
        if (export == null) {
            read(verifier, verifier);
            return verifier.finish();
        }
        try (OutputStream file = Files.newOutputStream(export);
                ExportFileWriter writer = new ExportFileWriter(
                        file,
                        new ExportHeader("", Instant.now().toString(), source.describe(), source.topics(), trusted))) {
            read(verifier, new TeeSink(List.of(verifier, writer)));
        }
        return verifier.finish();
    }

    private void read(AccessLogVerifier verifier, AccessLogSink sink) {
        if (fromOffset == null) {
            source.broker().readInto(sink);
        } else {
            source.broker().fromOffset(fromOffset, verifier, sink);
        }
    }

    private static void print(VerificationReport report, PrintWriter out) {
        for (PartitionSummary partition : report.partitions()) {
            out.printf(
                    Locale.ROOT,
                    "partition %d: %,d entries (sequences %d..%d), %,d checkpoints matched, %,d after the last"
                            + " checkpoint%s%n",
                    partition.partition(),
                    partition.entries(),
                    partition.firstSequence(),
                    partition.lastSequence(),
                    partition.checkpoints(),
                    partition.unsignedEntries(),
                    partition.skippedEntries() > 0
                            ? String.format(Locale.ROOT, ", %,d before the anchor skipped", partition.skippedEntries())
                            : "");
        }
        for (ChainBreak broken : report.breaks()) {
            out.println("BROKEN " + broken.describe());
        }
        if (report.valid()) {
            out.printf(
                    Locale.ROOT, "OK: %,d entries and %,d checkpoints hold%n", report.entries(), report.checkpoints());
        }
        out.flush();
    }
}
