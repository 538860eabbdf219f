package dev.ctx.cli.escrow;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.keys.KeyServiceOptions;

/** What every {@code ctx escrow} subcommand has: the key-service options, {@code --json}, and its own output. */
abstract class EscrowCall implements Callable<Integer> {

    static final String PATH = "/v1/escrow/requests";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    KeyServiceOptions service;

    @Option(names = "--json", description = "Print the key service's JSON answer instead of a table.")
    boolean json;

    /** The call this subcommand makes. */
    abstract JsonNode send() throws Exception;

    @Override
    public Integer call() throws Exception {
        JsonNode answer = send();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer) + "\n" : table(answer));
        out.flush();
        return ExitCodes.OK;
    }

    /** The table of {@code answer}: a list of requests, one request, or an open. */
    static String table(JsonNode answer) {
        if (answer.has("transactions") && answer.has("request")) {
            return EscrowTable.requests(answer.path("request")) + EscrowTable.opened(answer.path("transactions"));
        }
        return EscrowTable.requests(answer);
    }

    static String one(String requestId) {
        return PATH + "/" + requestId;
    }
}
