package dev.ctx.cli.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;
import dev.ctx.cli.common.ExitCodes;

/** {@code ctx access} against a loopback server speaking the read-API contract. */
class AccessCommandTest {

    private static final String ACCESS = "/v1/access-requests";

    private final LoopbackKeyService service = LoopbackKeyService.start();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void grantedRequestPrintsTheJsonAnswerAndExitsZero() throws IOException {
        // Given
        service.on(
                "POST",
                ACCESS,
                200,
                request -> request.contains("\"fields\":[\"amount\"]")
                        ? "{\"transactionId\":\"txn-1\",\"purpose\":\"settlement\",\"authorizedBy\":\"policy:txn-1\","
                                + "\"eventId\":\"ev-1\",\"fields\":{\"amount\":\"1250.00\"}}"
                        : "{}");

        // When
        int exit = run("txn-1", "--purpose", "settlement", "--fields", "amount");

        // Then
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode printed = new ObjectMapper().readTree(out.toString());
        assertThat(printed.path("fields").path("amount").asText()).isEqualTo("1250.00");
        assertThat(printed.path("authorizedBy").asText()).isEqualTo("policy:txn-1");
        assertThat(printed.path("eventId").asText()).isEqualTo("ev-1");
    }

    @ParameterizedTest(name = "{0} {1} exits {2}")
    @CsvSource({
        "400, MALFORMED_REQUEST, 1",
        "401, STEP_UP_REQUIRED, 3",
        "403, NOT_A_PARTICIPANT, 4",
        "404, UNKNOWN_TRANSACTION, 5",
        "409, PARTICIPANT_HELD_KEY, 6",
        "410, SHREDDED, 7",
        "422, INTEGRITY_FAILURE, 8",
        "503, AUDIT_UNAVAILABLE, 9",
    })
    void everyErrorClassHasItsExitCodeAndOneLineNamingTheReason(int status, String reason, int expectedExit)
            throws IOException {
        // Given
        service.problem("POST", ACCESS, status, reason);

        // When
        int exit = run("txn-1", "--purpose", "settlement");

        // Then
        assertThat(exit).isEqualTo(expectedExit);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("ctx access: POST /v1/access-requests: " + status + " " + reason);
    }

    @Test
    void participantHeldKeyPointsAtLocalOpening() throws IOException {
        // Given
        service.problem("POST", ACCESS, 409, "PARTICIPANT_HELD_KEY");

        // When
        run("txn-1", "--purpose", "settlement");

        // Then
        assertThat(err.toString()).contains("--key-file");
    }

    @Test
    void unreachableKeyServiceExitsTen() throws IOException {
        // Given
        String url = service.url();
        service.close();

        // When
        int exit = runAt(url, "txn-1", "--purpose", "settlement");

        // Then
        assertThat(exit).isEqualTo(AccessExitCodes.UNREACHABLE);
    }

    @Test
    void purposeIsRequired() throws IOException {
        // When
        int exit = run("txn-1");

        // Then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--purpose");
    }

    private int run(String... args) throws IOException {
        return runAt(service.url(), args);
    }

    private int runAt(String url, String... args) throws IOException {
        Path token = Files.writeString(dir.resolve("miner-1.jwt"), "jwt-of-miner-1");
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 5];
        full[0] = "access";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--url";
        full[args.length + 2] = url;
        full[args.length + 3] = "--token-file";
        full[args.length + 4] = token.toString();
        return commandLine.execute(full);
    }
}
