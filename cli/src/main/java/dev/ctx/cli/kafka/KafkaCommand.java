package dev.ctx.cli.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.StateDirectory;
import dev.ctx.testkit.kafka.EmbeddedKafkaBroker;

/** Runs a local single-node Kafka broker (KRaft, broker and controller in one JVM) until Ctrl-C. */
@Command(
        name = "kafka",
        mixinStandardHelpOptions = true,
        description = "Run a local single-node Kafka broker on 127.0.0.1 until Ctrl-C. Data is kept between runs.")
public final class KafkaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "9092",
            description = "Client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--controller-port",
            defaultValue = "9093",
            description = "Controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--dir", description = "Data directory (default: .ctx/kafka in the checkout).")
    Path dir;

    @Override
    public Integer call() throws InterruptedException {
        Path dataDir = dir != null ? dir : StateDirectory.forComponent("kafka");
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, port, controllerPort, Map.of()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.stop();
                            stopped.countDown();
                        },
                        "ctx-kafka-stop"));
        spec.commandLine()
                .getOut()
                .printf(
                        "Kafka is running: bootstrap.servers=%s (data in %s). Ctrl-C stops it.%n",
                        broker.bootstrapServers(), dataDir);
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
