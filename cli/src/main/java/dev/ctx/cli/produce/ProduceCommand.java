package dev.ctx.cli.produce;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.KafkaOptions;
import dev.ctx.testkit.data.GeneratorSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Produces generated transactions, optionally at a fixed rate, and reports how many were acknowledged. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Produce generated plaintext transactions (Avro, Confluent wire format) to a topic.",
            "Every confidential value carries the marker SECRET-<txn id>, so leaks are easy to spot."})
public final class ProduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", defaultValue = "transactions", description = "Topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = {"-n", "--transactions"}, defaultValue = "1000", description = "How many (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--rate", defaultValue = "0", description = "Transactions per second; 0 = as fast as possible.")
    double rate;

    @Option(names = "--participants", split = ",", defaultValue = "client-1,miner-1,miner-2",
            description = "Participant ids to draw from (default: ${DEFAULT-VALUE}).")
    List<String> participants;

    @Option(names = "--confidential-ratio", defaultValue = "0.9",
            description = "Share of transactions flagged confidential (default: ${DEFAULT-VALUE}).")
    double confidentialRatio;

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        GeneratorSettings settings = new GeneratorSettings("txn-" + Instant.now().getEpochSecond(), participants,
                Math.min(2, participants.size()), participants.size(), confidentialRatio, 400, System.currentTimeMillis());
        try (TransactionProducer producer = new TransactionProducer(kafka, topic, settings, seed)) {
            long acknowledged = producer.produce(count, rate, progress -> { });
            spec.commandLine().getOut().printf("produced %d transactions to %s%n", acknowledged, topic);
        }
        return ExitCodes.OK;
    }
}
