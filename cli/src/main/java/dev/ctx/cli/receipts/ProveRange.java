package dev.ctx.cli.receipts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.KafkaOptions;
import dev.ctx.cli.keys.KeyServiceOptions;

/**
 * {@code bin/ctx receipts prove-range --participant P --txn ID}: the key service proves from the participant's
 * custodial data that the transaction's amount lies in [0, 2^64) minor units; this command verifies the answer
 * offline against the transaction's receipt.
 */
@Command(
        name = "prove-range",
        mixinStandardHelpOptions = true,
        description = {
            "Ask the key service at --url for a range proof ([0, 2^64) minor units) of one of your transactions,"
                    + " from your custodial key, and verify it against transactions.receipts.",
            "Exit 0 proof verifies, 1 failure or refusal, 2 usage."
        })
final class ProveRange implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    KeyServiceOptions service;

    @Option(names = "--participant", required = true, paramLabel = "P", description = "You, the participant.")
    String participant;

    @Option(names = "--txn", required = true, paramLabel = "ID", description = "The transaction id.")
    String transactionId;

    @Option(names = "--topic", defaultValue = "transactions.receipts", description = "Receipts topic.")
    String topic;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the key service's JSON answer here, for bin/ctx receipts verify --proof.")
    Path out;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to read the topic to its end.")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return ServiceProofs.requestAndVerify(
                spec,
                service,
                kafka,
                topic,
                Duration.ofSeconds(timeoutSeconds),
                Map.of("kind", "range", "participant", participant, "transactionIds", List.of(transactionId)),
                out);
    }
}
