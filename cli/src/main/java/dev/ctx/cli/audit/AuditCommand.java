package dev.ctx.cli.audit;

import picocli.CommandLine.Command;

/** {@code ctx audit}: the sealed access log for compliance ({@code docs/audit-reports.md}). */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Query and report on the sealed access log (access-log).",
        subcommands = {SearchCommand.class, ReportCommand.class})
public final class AuditCommand {}
