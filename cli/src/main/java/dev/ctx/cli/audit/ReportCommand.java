package dev.ctx.cli.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
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
import dev.ctx.client.auditlog.AccessLogTopics;

/** {@code ctx audit report}: one self-contained HTML report over a time window of the sealed log. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a self-contained HTML report (inline CSS and SVG, no network) over [--since, --until):",
            "decisions over time by outcome, denials by reason, accesses by requester and purpose, escrow opens,"
                    + " key lifecycle events and the chain status.",
            "T: an ISO-8601 instant, a UTC date (2026-12-01) or a duration back from now (P7D)."
        })
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AuditSourceOptions source;

    @Option(
            names = "--since",
            required = true,
            paramLabel = "T",
            converter = TimeConverter.class,
            description = "Start of the window (inclusive).")
    Instant since;

    @Option(
            names = "--until",
            required = true,
            paramLabel = "T",
            converter = TimeConverter.class,
            description = "End of the window (exclusive).")
    Instant until;

    @Option(names = "--html", required = true, paramLabel = "FILE", description = "The HTML file to write.")
    Path html;

    @Mixin
    SigningKeyOptions keys;

    @Option(
            names = "--checkpoints-topic",
            defaultValue = "access-log.checkpoints",
            description = "Checkpoints topic of the chain check (default: ${DEFAULT-VALUE}).")
    String checkpointsTopic;

    /** Where the chain status comes from when no signing keys are given (tests may replace it). */
    ChainStatusSource chainStatus = ChainStatusSource.notChecked();

    @Override
    public Integer call() throws IOException {
        if (!since.isBefore(until)) {
            throw new ParameterException(spec.commandLine(), "--since " + since + " is not before --until " + until);
        }
        AuditFilter window = AuditFilter.window(since, until);
        List<AuditEntry> entries = new ArrayList<>();
        String description;
        try (AuditLogSource log = source.open()) {
            description = log.description();
            log.read(entry -> {
                if (window.test(entry)) {
                    entries.add(entry);
                }
            });
        }
        AuditReport report = AuditReport.of(
                entries, since, until, Instant.now(), description, chainStatus().chainStatus());
        write(HtmlReport.render(report));
        spec.commandLine()
                .getOut()
                .printf(
                        "wrote %s: %d events, %d access decisions, %d escrow opens; chain %s%n",
                        html,
                        report.entries().size(),
                        report.accesses(),
                        report.escrowOpens().size(),
                        report.chain().verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** With {@code --signing-keys} or {@code --key-service}: a full verification of the broker's chain. */
    private ChainStatusSource chainStatus() throws IOException {
        if (!keys.given()) {
            return chainStatus;
        }
        try {
            return BrokerChainStatus.of(
                    source.consumerConfig(),
                    source.kafka.serdeConfig(),
                    new AccessLogTopics(source.topic, checkpointsTopic),
                    keys.load());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading the signing keys", e);
        }
    }

    private void write(String content) throws IOException {
        Path target = html.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), ".ctx-report", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
