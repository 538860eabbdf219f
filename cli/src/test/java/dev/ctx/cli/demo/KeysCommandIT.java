package dev.ctx.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.testkit.kafka.BrokerProperties;

/** {@code ctx keys} against a real key service (embedded broker, registry server, keystore KEK). */
class KeysCommandIT {

    @TempDir
    static Path dir;

    private static DemoStack stack;
    private static Path operatorToken;
    private static Path participantToken;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startKeyService() throws Exception {
        stack = new DemoStack(dir, new DemoPorts(BrokerProperties.freeLoopbackPortPair(), 0, 0, 0));
        stack.startKafka();
        stack.startRegistry();
        stack.startKeyService();
        operatorToken = Files.writeString(
                dir.resolve("operator.jwt"), stack.issueToken("ops", "operator", Duration.ofMinutes(10)));
        participantToken = Files.writeString(
                dir.resolve("p.jwt"), stack.issueToken("someone", "participant", Duration.ofMinutes(10)));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void registerRotateRevokeAndListAParticipant() {
        // When
        int registered = run(operatorToken, "register", "bank-7", "--role", "client");
        int rotated = run(operatorToken, "rotate", "bank-7");
        int revoked = run(operatorToken, "revoke", "bank-7", "1");
        int listed = run(operatorToken, "list");

        // Then
        assertThat(new int[] {registered, rotated, revoked, listed})
                .as(err.toString())
                .containsOnly(ExitCodes.OK);
        assertThat(out.toString())
                .contains(
                        "registered bank-7 (client) with key v1", "bank-7 now uses key v2", "bank-7 key v1 is revoked")
                .containsPattern("bank-7\\s+client\\s+active\\s+verified\\s+v2\\s+v1:revoked v2:active");
    }

    @Test
    void aParticipantCannotRegisterOthersAndSaysWhyInOneLine() {
        // When
        int exit = run(participantToken, "register", "intruder", "--role", "client");

        // Then
        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString())
                .startsWith("ctx keys register: key service answered 403")
                .hasLineCount(1);
    }

    private int run(Path token, String... args) {
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 5];
        full[0] = "keys";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--url";
        full[args.length + 2] = stack.keyServiceUrl();
        full[args.length + 3] = "--token-file";
        full[args.length + 4] = token.toString();
        return commandLine.execute(full);
    }
}
