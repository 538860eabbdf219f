package dev.ctx.cli.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;

/** {@code ctx escrow}: what each subcommand sends and how answers are printed (no key service needed). */
class EscrowCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void requestBuildsTheFilingTheKeyServiceTakes() {
        // Given
        EscrowCommand.Request request = new EscrowCommand.Request();
        // When
        new CommandLine(request)
                .parseArgs(
                        "--txn",
                        "txn-1",
                        "txn-2",
                        "--authorization",
                        "CO-2026-17",
                        "--reason",
                        "fraud case 9",
                        "--expires",
                        "P3D",
                        "--fields",
                        "amount,pricing");
        // Then
        JsonNode sent = JSON.valueToTree(request.body());
        assertThat(sent)
                .isEqualTo(JSON.createObjectNode()
                        .<ObjectNode>set("transactionIds", JSON.valueToTree(List.of("txn-1", "txn-2")))
                        .put("authorizationReference", "CO-2026-17")
                        .put("legalBasis", "court order")
                        .put("reason", "fraud case 9")
                        .<ObjectNode>set("fields", JSON.valueToTree(List.of("amount", "pricing")))
                        .put("expiresIn", "P3D"));
    }

    @Test
    void withoutFieldsTheKeyServiceDefaultsToAllOfThem() {
        // Given
        EscrowCommand.Request request = new EscrowCommand.Request();
        // When
        new CommandLine(request).parseArgs("--txn", "txn-1", "--authorization", "CO-1", "--reason", "case");
        // Then
        assertThat(request.body()).doesNotContainKey("fields").containsEntry("expiresIn", "P7D");
    }

    @Test
    void aParticipantAndRangeAreFiledForTheKeyServiceToResolve() {
        // Given
        EscrowCommand.Request request = new EscrowCommand.Request();
        // When
        new CommandLine(request)
                .parseArgs(
                        "--participant",
                        "miner-1",
                        "--from",
                        "2026-06-01T00:00:00Z",
                        "--to",
                        "2026-07-01T00:00:00Z",
                        "--authorization",
                        "CO-7",
                        "--reason",
                        "case");
        // Then
        assertThat(request.body())
                .doesNotContainKey("transactionIds")
                .containsEntry("participantId", "miner-1")
                .containsEntry("from", "2026-06-01T00:00:00Z")
                .containsEntry("to", "2026-07-01T00:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "--authorization CO-1 --reason case",
                "--txn txn-1 --participant miner-1 --from 2026-06-01T00:00:00Z --to 2026-07-01T00:00:00Z"
                        + " --authorization CO-1 --reason case",
                "--participant miner-1 --from 2026-06-01T00:00:00Z --authorization CO-1 --reason case"
            })
    void aRequestNamesEitherTransactionsOrACompleteRangeNeverBothOrNeither(String args) {
        // Given
        StringWriter err = new StringWriter();
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        // When
        int exit = commandLine.execute(("escrow request --url http://127.0.0.1:1 " + args).split(" "));
        // Then
        assertThat(exit).as(err.toString()).isEqualTo(2);
    }

    @Test
    void aRequestIsOneTableRowWithItsApproversAndOpens() throws Exception {
        // Given
        JsonNode request = JSON.readTree("""
                {"requestId": "9d1c", "state": "APPROVED", "transactionIds": ["txn-1", "txn-2"],
                 "authorizationReference": "CO-2026-17", "expiresAt": "2026-06-17T09:00:00Z",
                 "approvals": [{"officer": "officer-1"}, {"officer": "officer-2"}], "maxOpens": 1, "opens": 0}""");
        // When
        String table = EscrowCall.table(request);
        // Then
        assertThat(table.lines().toList()).hasSize(2);
        assertThat(table.lines().skip(1).findFirst().orElseThrow())
                .contains("9d1c", "APPROVED", "officer-1,officer-2", "0/1", "CO-2026-17", "txn-1,txn-2");
    }

    @Test
    void anOpenPrintsTheRequestAndEachTransactionsFields() throws Exception {
        // Given
        JsonNode opened = JSON.readTree("""
                {"request": {"requestId": "9d1c", "state": "OPENED", "transactionIds": ["txn-1", "txn-9"],
                  "approvals": [], "maxOpens": 1, "opens": 1},
                 "transactions": [{"transactionId": "txn-1", "status": "OPENED", "fields": {"amount": "12.50000000"}},
                                  {"transactionId": "txn-9", "status": "UNKNOWN_TRANSACTION"}]}""");
        // When
        String table = EscrowCall.table(opened);
        // Then
        assertThat(table).contains("OPENED", "{\"amount\":\"12.50000000\"}", "txn-9", "UNKNOWN_TRANSACTION");
    }

    @Test
    void theCommandIsRegisteredWithEverySubcommand() {
        // Given
        StringWriter out = new StringWriter();
        CommandLine ctx = Ctx.commandLine();
        ctx.setOut(new PrintWriter(out));
        // When
        int exit = ctx.execute("escrow", "--help");
        // Then
        assertThat(exit).isZero();
        assertThat(ctx.getSubcommands().get("escrow").getSubcommands())
                .containsOnlyKeys("request", "list", "show", "approve", "reject", "withdraw", "open");
    }
}
