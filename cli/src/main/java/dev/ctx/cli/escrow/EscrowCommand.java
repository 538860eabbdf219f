package dev.ctx.cli.escrow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ctx escrow}: audit escrow over the key service. Filing, approving and opening need a token with a second
 * factor (JWT {@code amr} mfa, otp or hwk) or a client certificate; the key service refuses the call otherwise.
 */
@Command(
        name = "escrow",
        mixinStandardHelpOptions = true,
        description = {
            "Audit escrow: file a request to open transactions with the escrow key under a recorded authorization,"
                    + " approve it (two distinct compliance officers, neither the requester), open it (the requester)."
                    + " Every call is checked and audited by the key service (docs/escrow.md).",
            "Exit codes: 0 ok, 1 refused or failed (the key service's reason on stderr), 2 usage."
        },
        subcommands = {
            EscrowCommand.Request.class,
            EscrowCommand.ListRequests.class,
            EscrowCommand.Show.class,
            EscrowCommand.Approve.class,
            EscrowCommand.Reject.class,
            EscrowCommand.Withdraw.class,
            EscrowCommand.Open.class
        })
public final class EscrowCommand {

    /**
     * {@code ctx escrow request --txn ID... | --participant P --from T --to T, --authorization REF --reason TEXT
     * --expires P7D}.
     */
    @Command(
            name = "request",
            mixinStandardHelpOptions = true,
            description = "File an escrow request (auditor or compliance officer, with a second factor).")
    static final class Request extends EscrowCall {
        @ArgGroup(multiplicity = "1")
        Scope scope;

        /** What to open: named transactions, or a participant's transactions in a time range. */
        static final class Scope {
            @Option(names = "--txn", required = true, arity = "1..*", description = "Transaction ids to open.")
            List<String> transactionIds;

            @ArgGroup(exclusive = false)
            ParticipantRange range;
        }

        /** Resolved to the participant's sealed transaction ids by the key service when the request is filed. */
        static final class ParticipantRange {
            @Option(
                    names = "--participant",
                    required = true,
                    description = "Instead of --txn: every transaction of this participant in [--from, --to).")
            String participantId;

            @Option(names = "--from", required = true, description = "Start of the range, ISO-8601 instant.")
            String from;

            @Option(names = "--to", required = true, description = "End of the range (exclusive), ISO-8601 instant.")
            String to;
        }

        @Option(
                names = "--authorization",
                required = true,
                description = "The recorded authorization, e.g. a court-order number.")
        String authorization;

        @Option(
                names = "--legal-basis",
                defaultValue = "court order",
                description = "The legal basis (default: ${DEFAULT-VALUE}).")
        String legalBasis;

        @Option(names = "--reason", required = true, description = "Why the transactions must be opened.")
        String reason;

        @Option(
                names = "--expires",
                defaultValue = "P7D",
                description = "How long the request lives, ISO-8601 (default: ${DEFAULT-VALUE}).")
        String expires;

        @Option(
                names = "--fields",
                split = ",",
                description = "Confidential fields to open (default: all: amount, pricing, settlementDetails).")
        List<String> fields;

        /** The filing as the key service takes it. */
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (scope.transactionIds != null) {
                body.put("transactionIds", scope.transactionIds);
            } else {
                body.put("participantId", scope.range.participantId);
                body.put("from", scope.range.from);
                body.put("to", scope.range.to);
            }
            body.put("authorizationReference", authorization);
            body.put("legalBasis", legalBasis);
            body.put("reason", reason);
            if (fields != null && !fields.isEmpty()) {
                body.put("fields", fields);
            }
            body.put("expiresIn", expires);
            return body;
        }

        @Override
        JsonNode send() throws Exception {
            return service.client().call("POST", PATH, body());
        }
    }

    /** {@code ctx escrow list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List escrow requests (compliance: every request; auditor: its own).")
    static final class ListRequests extends EscrowCall {
        @Override
        JsonNode send() throws Exception {
            return service.client().call("GET", PATH, null);
        }
    }

    /** {@code ctx escrow show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one escrow request.")
    static final class Show extends EscrowCall {
        @Parameters(index = "0", paramLabel = "ID", description = "Request id.")
        String id;

        @Override
        JsonNode send() throws Exception {
            return service.client().call("GET", one(id), null);
        }
    }

    /** {@code ctx escrow approve ID}. */
    @Command(
            name = "approve",
            mixinStandardHelpOptions = true,
            description = "Approve as a compliance officer (with a second factor; not your own request).")
    static final class Approve extends EscrowCall {
        @Parameters(index = "0", paramLabel = "ID", description = "Request id.")
        String id;

        @Override
        JsonNode send() throws Exception {
            return service.client().call("POST", one(id) + "/approvals", null);
        }
    }

    /** {@code ctx escrow reject ID --reason TEXT}. */
    @Command(
            name = "reject",
            mixinStandardHelpOptions = true,
            description = "Reject as a compliance officer; the request is closed for good.")
    static final class Reject extends EscrowCall {
        @Parameters(index = "0", paramLabel = "ID", description = "Request id.")
        String id;

        @Option(names = "--reason", required = true, description = "Why it is rejected.")
        String reason;

        @Override
        JsonNode send() throws Exception {
            return service.client().call("POST", one(id) + "/rejection", Map.of("reason", reason));
        }
    }

    /** {@code ctx escrow withdraw ID}. */
    @Command(
            name = "withdraw",
            mixinStandardHelpOptions = true,
            description = "Withdraw your own request; it is closed for good.")
    static final class Withdraw extends EscrowCall {
        @Parameters(index = "0", paramLabel = "ID", description = "Request id.")
        String id;

        @Override
        JsonNode send() throws Exception {
            return service.client().call("POST", one(id) + "/withdrawal", null);
        }
    }

    /** {@code ctx escrow open ID}. */
    @Command(
            name = "open",
            mixinStandardHelpOptions = true,
            description = "Open your approved request: the named transactions' requested fields, opened with the"
                    + " escrow key (with a second factor; at most escrow.max.opens times, before expiry).")
    static final class Open extends EscrowCall {
        @Parameters(index = "0", paramLabel = "ID", description = "Request id.")
        String id;

        @Override
        JsonNode send() throws Exception {
            return service.client().call("POST", one(id) + "/open", null);
        }
    }
}
