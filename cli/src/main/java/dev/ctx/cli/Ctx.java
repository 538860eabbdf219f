package dev.ctx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.ctx.cli.access.AccessCommand;
import dev.ctx.cli.audit.AuditCommand;
import dev.ctx.cli.bench.BenchCommand;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.consume.ConsumeCommand;
import dev.ctx.cli.demo.DemoCommand;
import dev.ctx.cli.kafka.KafkaCommand;
import dev.ctx.cli.keys.KeysCommand;
import dev.ctx.cli.keyservice.KeyServiceCommand;
import dev.ctx.cli.processor.ProcessorCommand;
import dev.ctx.cli.produce.ProduceCommand;

/** The root command. Exit codes: 0 ok, 1 failure, 2 usage error. */
@Command(
        name = "ctx",
        mixinStandardHelpOptions = true,
        versionProvider = CtxVersion.class,
        description = "Confidential transactions for Kafka.",
        subcommands = {
            DemoCommand.class,
            KafkaCommand.class,
            ProcessorCommand.class,
            KeyServiceCommand.class,
            KeysCommand.class,
            ProduceCommand.class,
            ConsumeCommand.class,
            AccessCommand.class,
            AuditCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Ctx {

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Ctx());
        commandLine.setExecutionExceptionHandler(ExitCodes::oneLineError);
        commandLine.setExitCodeExceptionMapper(ExitCodes::forException);
        return commandLine;
    }
}
