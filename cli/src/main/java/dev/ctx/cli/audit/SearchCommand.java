package dev.ctx.cli.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.schemas.access.AccessEventType;

/** {@code ctx audit search}: the entries of the sealed log that match, as a table or JSON Lines, newest last. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Search the sealed access log (read_committed, up to its end when the search starts).",
            "At least one of --txn, --requester, --since. T: an ISO-8601 instant (2026-12-01T08:00:00Z),"
                    + " a UTC date (2026-12-01) or a duration back from now (PT6H, P7D).",
            "Prints time, partition/sequence, type, outcome, requester, purpose, txn and reason, newest last."
        })
public final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AuditSourceOptions source;

    @Option(names = "--txn", paramLabel = "ID", description = "Only events of this transaction id.")
    String transactionId;

    @Option(names = "--requester", paramLabel = "ID", description = "Only events of this requester.")
    String requester;

    @Option(
            names = "--since",
            paramLabel = "T",
            converter = TimeConverter.class,
            description = "Only events at or after T.")
    Instant since;

    @Option(names = "--until", paramLabel = "T", converter = TimeConverter.class, description = "Only events before T.")
    Instant until;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            split = ",",
            description = "Only these event types (repeatable or comma-separated), e.g. ACCESS_DENIED,ESCROW_OPENED.")
    List<AccessEventType> types = List.of();

    @Option(names = "--json", description = "One JSON object per line with every field instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        AuditFilter filter;
        try {
            filter = new AuditFilter(transactionId, requester, since, until, Set.copyOf(types));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!filter.narrows()) {
            throw new ParameterException(spec.commandLine(), "give at least one of --txn, --requester, --since");
        }
        List<AuditEntry> matching = new ArrayList<>();
        try (AuditLogSource log = source.open()) {
            log.read(entry -> {
                if (filter.test(entry)) {
                    matching.add(entry);
                }
            });
        }
        if (json) {
            SearchTable.jsonLines(matching, spec.commandLine().getOut());
        } else {
            SearchTable.table(matching, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
