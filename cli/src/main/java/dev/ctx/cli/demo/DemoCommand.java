package dev.ctx.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.StateDirectory;
import dev.ctx.processor.app.ProcessorApplication;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionProducer;
import dev.ctx.testkit.files.Directories;

/** Runs the whole pipeline locally, feeds it generated transactions and explains what happened. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline on this machine and feed it generated transactions.",
            "Starts a Kafka broker (KRaft, 127.0.0.1), a schema registry, the key service (PKCS#12 keystore KEK) and",
            "the encryption processor; registers sample participants and the escrow key; produces transactions with a",
            "live progress line; prints a summary, reads one transaction through the access API as miner-1, shows",
            "a non-participant's request denied and both decisions in access-log.events. Ctrl-C stops."
        })
public final class DemoCommand implements Callable<Integer> {

    static final List<String> PARTICIPANTS = List.of("client-1", "miner-1", "miner-2");

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-n", "--transactions"},
            defaultValue = "2000",
            description = "Transactions to produce (default: ${DEFAULT-VALUE}).")
    long transactions;

    @Option(
            names = "--rate",
            defaultValue = "500",
            description = "Transactions per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--keep-running", description = "Keep everything running after the summary until Ctrl-C.")
    boolean keepRunning;

    @Option(names = "--dir", description = "Working directory; wiped at start (default: .ctx/demo in the checkout).")
    Path dir;

    @Option(
            names = "--kafka-port",
            defaultValue = "19092",
            description = "Kafka port (default: ${DEFAULT-VALUE}; controller +1).")
    int kafkaPort;

    @Option(
            names = "--registry-port",
            defaultValue = "18081",
            description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(
            names = "--key-service-port",
            defaultValue = "18080",
            description = "Key service port (default: ${DEFAULT-VALUE}).")
    int keyServicePort;

    @Option(
            names = "--metrics-port",
            defaultValue = "19400",
            description = "Processor metrics port (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path workDir = Directories.recreate(dir != null ? dir : StateDirectory.forComponent("demo"));
        DemoStack stack = new DemoStack(workDir, new DemoPorts(kafkaPort, registryPort, keyServicePort, metricsPort));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stack.close();
                    stopped.countDown();
                },
                "ctx-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        DemoScript script = new DemoScript(out, stack, workDir);
        script.run(transactions, rate);
        if (keepRunning) {
            out.println("Everything keeps running. Ctrl-C stops it.");
            out.flush();
            stopped.await();
        } else {
            Runtime.getRuntime().removeShutdownHook(hook);
            stack.close();
            out.println("Stopped. Data was in " + workDir + " (wiped on the next run).");
        }
        return ExitCodes.OK;
    }

    /** What the demo produces: 2-3 of the sample participants, 90% confidential, ~400-byte confidential part. */
    static GeneratorSettings generatorSettings() {
        return new GeneratorSettings("txn", PARTICIPANTS, 2, 3, 0.9, 400, System.currentTimeMillis());
    }

    static Map<String, Object> serdeConfig(String registryUrl) {
        return Map.of("schema.registry.url", registryUrl);
    }

    static void awaitRunning(ProcessorApplication processor) throws InterruptedException {
        if (!processor.awaitRunning(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the processor did not start (state " + processor.state() + ")");
        }
    }

    static TopologySerdes serdes(String registryUrl) {
        return TopologySerdes.create(serdeConfig(registryUrl));
    }

    static TopicNames topics() {
        return TopicNames.defaults();
    }

    static TransactionProducer producer(DemoStack stack) {
        return new TransactionProducer(
                stack.bootstrapServers(), serdeConfig(stack.registryUrl()), topics().transactions());
    }
}
