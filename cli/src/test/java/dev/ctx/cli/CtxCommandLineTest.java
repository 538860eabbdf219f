package dev.ctx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

import dev.ctx.cli.common.ExitCodes;

class CtxCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    static Stream<String> subcommands() {
        return Ctx.commandLine().getSubcommands().keySet().stream().filter(name -> !"help".equals(name));
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandExplainsItselfAndExitsZero(String subcommand) {
        // When
        int exit = run(subcommand, "--help");

        // Then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("Usage: ctx " + subcommand).contains("--help");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        // When
        int exit = run("frobnicate");

        // Then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unmatched argument").contains("frobnicate");
    }

    @Test
    void badOptionValueIsAUsageError() {
        // When
        int exit = run("produce", "--transactions", "many");

        // Then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--transactions");
    }

    @Test
    void keyServiceWithAnUnknownKeyIsAConfigurationErrorNamingTheKey(@TempDir Path dir) throws IOException {
        // Given: a key written in the style the key service no longer accepts
        Path config = dir.resolve("key-service.properties");
        Files.writeString(config, "kafka.bootstrap.servers=localhost:9092\nrotation.max-age=P30D\n");

        // When
        int exit = run("key-service", "--config", config.toString());

        // Then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("invalid configuration").contains("'rotation.max-age'");
    }

    @Test
    void rootHelpListsTheCommands() {
        // When
        int exit = run("--help");

        // Then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        subcommands().forEach(name -> assertThat(out.toString()).contains(name));
    }

    private int run(String... args) {
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
