package dev.ctx.cli.consume;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.KafkaOptions;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Reads committed encrypted transactions from the beginning and prints one table row per record. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = {"Print encrypted transactions (read_committed, from the beginning) as a table.",
            "Sealed records show their ciphertext size and key versions; clear ones their amount."})
public final class ConsumeCommand implements Callable<Integer> {

    private static final String FORMAT = "%-24s %-10s %-9s %-34s %s%n";

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", defaultValue = "transactions.encrypted", description = "Topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = {"-n", "--max"}, defaultValue = "20", description = "Stop after this many records (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--timeout", defaultValue = "10", description = "Stop after this many seconds without records (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, FORMAT, "TRANSACTION", "STATUS", "SEALED", "PARTICIPANTS", "CONTENT");
        int printed = 0;
        try (KafkaConsumer<String, EncryptedTransaction> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long idleDeadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (printed < max && System.nanoTime() < idleDeadline) {
                for (ConsumerRecord<String, EncryptedTransaction> record : consumer.poll(Duration.ofMillis(200))) {
                    if (printed++ < max) {
                        out.printf(Locale.ROOT, FORMAT, record.key(), record.value().getStatus(), record.value().getSealed() != null,
                                String.join(",", record.value().getParticipants()), content(record.value()));
                    }
                    idleDeadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String content(EncryptedTransaction transaction) {
        if (transaction.getSealed() != null) {
            StringBuilder refs = new StringBuilder();
            transaction.getSealed().getKeyRefs().forEach(ref -> refs.append(' ').append(ref.getParticipantId()).append(":v").append(ref.getKeyVersion()));
            return transaction.getSealed().getCiphertext().remaining() + " bytes ciphertext; keys" + refs;
        }
        return transaction.getClear() == null ? "(no content)"
                : "in clear: " + transaction.getClear().getAmount().toPlainString() + " " + transaction.getCurrency();
    }

    private KafkaConsumer<String, EncryptedTransaction> consumer() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ctx-consume-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(),
                ConfluentAvroSerdes.forClass(EncryptedTransaction.class, kafka.serdeConfig(), false).deserializer());
    }
}
