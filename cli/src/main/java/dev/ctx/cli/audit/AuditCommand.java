package dev.ctx.cli.audit;

import picocli.CommandLine.Command;

/** {@code ctx audit verify|prove|verify-proof}. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Verify the hash-chained access log, and prove or check that one event is in it.",
        subcommands = {VerifyCommand.class, ProveCommand.class, VerifyProofCommand.class})
public final class AuditCommand {}
