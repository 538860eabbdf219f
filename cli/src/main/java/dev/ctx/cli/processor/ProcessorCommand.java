package dev.ctx.cli.processor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.processor.app.ProcessorMain;

/** Runs the encryption processor until Ctrl-C; the configuration keys are listed in the README. */
@Command(
        name = "processor",
        mixinStandardHelpOptions = true,
        description = {
            "Run the encryption processor (Kafka Streams) until Ctrl-C.",
            "Reads a properties file; CTX_* environment variables "
                    + "override it (CTX_BOOTSTRAP_SERVERS -> bootstrap.servers).",
            "Exit codes: 0 stopped cleanly, 1 failed, 2 invalid configuration."
        })
public final class ProcessorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Processor properties file (see README, Configuration).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>();
        if (config != null) {
            args.add("--config");
            args.add(config.toString());
        }
        return ProcessorMain.run(args.toArray(String[]::new), System.getenv(), System.err);
    }
}
