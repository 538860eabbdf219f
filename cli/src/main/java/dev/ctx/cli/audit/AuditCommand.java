package dev.ctx.cli.audit;

import picocli.CommandLine.Command;

/** {@code ctx audit}: verify, prove, search and report on the sealed access log (docs/access-log-chain.md). */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Verify the hash-chained access log, prove or check that one event is in it, search it and report"
                + " on it for compliance.",
        subcommands = {
            VerifyCommand.class,
            ProveCommand.class,
            VerifyProofCommand.class,
            SearchCommand.class,
            ReportCommand.class
        })
public final class AuditCommand {}
