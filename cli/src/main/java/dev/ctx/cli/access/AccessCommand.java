package dev.ctx.cli.access;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.keys.KeyServiceOptions;
import dev.ctx.client.access.AccessResult;
import dev.ctx.client.access.error.KeyServiceException;
import dev.ctx.client.fields.ConfidentialJson;

/** {@code ctx access TXN --purpose P [--fields a,b]}: one checked and audited access request. */
@Command(
        name = "access",
        mixinStandardHelpOptions = true,
        description = {
            "Request access to one transaction's confidential fields (checked and audited by the key"
                    + " service) and print the JSON answer.",
            "Exit codes: 0 granted, 1 other failure, 2 usage, 3 unauthenticated or step-up required, 4 denied,"
                    + " 5 unknown transaction, 6 participant-held key (open locally), 7 shredded, 8 integrity failure,"
                    + " 9 audit unavailable, 10 key service unreachable."
        })
public final class AccessCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    KeyServiceOptions service;

    @Parameters(index = "0", paramLabel = "TXN", description = "Transaction id.")
    String transactionId;

    @Option(names = "--purpose", required = true, description = "Access purpose, e.g. settlement.")
    String purpose;

    @Option(
            names = "--fields",
            split = ",",
            description = "Fields to release (default: all the purpose's access level" + " allows).")
    List<String> fields = List.of();

    @Override
    public Integer call() throws Exception {
        try {
            AccessResult result = service.accessClient().requestAccess(transactionId, purpose, fields);
            spec.commandLine()
                    .getOut()
                    .println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(result)));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (KeyServiceException e) {
            return AccessExitCodes.report(
                    e, spec.qualifiedName(), spec.commandLine().getErr());
        }
    }

    /** The answer as the key service sent it: transaction id, purpose, authorizedBy, eventId and the fields. */
    static ObjectNode json(AccessResult result) {
        ObjectNode json = JSON.createObjectNode();
        json.put("transactionId", result.transactionId());
        json.put("purpose", result.purpose());
        json.put("authorizedBy", result.authorizedBy());
        json.put("eventId", result.eventId());
        json.set("fields", ConfidentialJson.object(result.fields()));
        return json;
    }
}
