package dev.ctx.cli.produce;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.KafkaOptions;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;

/** Produces generated transactions, optionally at a fixed rate, and reports how many were acknowledged. */
@Command(
        name = "produce",
        mixinStandardHelpOptions = true,
        description = {
            "Produce plaintext transactions (Avro, Confluent wire "
                    + "format) to a topic: generated, or from a JSON Lines file.",
            "Every confidential value carries the marker SECRET-<txn id>, so leaks are easy to spot."
        })
public final class ProduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", defaultValue = "transactions", description = "Topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = {"-n", "--transactions"},
            defaultValue = "1000",
            description = "How many (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--rate", defaultValue = "0", description = "Transactions per second; 0 = as fast as possible.")
    double rate;

    @Option(
            names = "--participants",
            split = ",",
            defaultValue = "client-1,miner-1,miner-2",
            description = "Participant ids to draw from (default: ${DEFAULT-VALUE}).")
    List<String> participants;

    @Option(
            names = "--confidential-ratio",
            defaultValue = "0.9",
            description = "Share of transactions flagged confidential (default: ${DEFAULT-VALUE}).")
    double confidentialRatio;

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--file",
            paramLabel = "FILE.jsonl",
            description = "Produce the transactions of a JSON Lines file (one "
                    + "Transaction object per line) instead of generated ones.")
    Path file;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Iterator<Transaction> source;
        long limit;
        if (file != null) {
            List<Transaction> transactions = TransactionJsonLines.read(file);
            source = transactions.iterator();
            limit = transactions.size();
        } else {
            GeneratorSettings settings = new GeneratorSettings(
                    "txn-" + Instant.now().getEpochSecond(),
                    participants,
                    Math.min(2, participants.size()),
                    participants.size(),
                    confidentialRatio,
                    400,
                    System.currentTimeMillis());
            source = new TransactionGenerator(settings, seed).asIterator();
            limit = count;
        }
        try (TransactionProducer producer =
                new TransactionProducer(kafka.bootstrapServers(), kafka.serdeConfig(), topic)) {
            long acknowledged = producer.produce(source, limit, rate, progress -> {});
            spec.commandLine().getOut().printf("produced %d transactions to %s%n", acknowledged, topic);
        }
        return ExitCodes.OK;
    }
}
