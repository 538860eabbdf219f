package dev.ctx.cli.consume;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.access.AccessExitCodes;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.KafkaOptions;
import dev.ctx.cli.keys.KeyServiceOptions;
import dev.ctx.client.access.error.KeyServiceUnreachableException;
import dev.ctx.client.fields.ConfidentialJson;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.client.local.LocalOpener;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;

/** Reads committed encrypted transactions from the beginning and prints one table row per record. */
@Command(
        name = "consume",
        mixinStandardHelpOptions = true,
        description = {
            "Print encrypted transactions (read_committed, from the beginning) as a table.",
            "Sealed records show their ciphertext size and key versions; clear ones their amount.",
            "--decrypt opens sealed records through the key service's access API (one audited request each);"
                    + " --key-file FILE opens them locally with your own key (BYOK)."
        })
public final class ConsumeCommand implements Callable<Integer> {

    private static final String FORMAT = "%-24s %-10s %-9s %-34s %s%n";

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--topic",
            defaultValue = "transactions.encrypted",
            description = "Topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = {"-n", "--max"},
            defaultValue = "20",
            description = "Stop after this many records (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(
            names = "--timeout",
            defaultValue = "10",
            description = "Stop after this many seconds without records (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--decrypt",
            description = "Show the confidential fields: through the access API, or locally with --key-file.")
    boolean decrypt;

    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            description = "Your own key file (repeatable, one per key version): open locally; implies --decrypt.")
    List<Path> keyFiles = List.of();

    @Option(
            names = "--purpose",
            defaultValue = "settlement",
            description = "Access purpose for --decrypt through the API (default: ${DEFAULT-VALUE}).")
    String purpose;

    @Option(
            names = "--envelopes-topic",
            defaultValue = "transactions.envelopes",
            description = "Envelopes topic for --key-file (default: ${DEFAULT-VALUE}).")
    String envelopesTopic;

    @Mixin
    KeyServiceOptions service;

    @Override
    public Integer call() throws IOException {
        try (Decryption decryption = decryption()) {
            print(decryption);
            return ExitCodes.OK;
        } catch (KeyServiceUnreachableException e) {
            return AccessExitCodes.report(
                    e, spec.qualifiedName(), spec.commandLine().getErr());
        }
    }

    private void print(Decryption decryption) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, FORMAT, "TRANSACTION", "STATUS", "SEALED", "PARTICIPANTS", "CONTENT");
        int printed = 0;
        try (KafkaConsumer<String, EncryptedTransaction> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long idleDeadline =
                    System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (printed < max && System.nanoTime() < idleDeadline) {
                for (ConsumerRecord<String, EncryptedTransaction> record : consumer.poll(Duration.ofMillis(200))) {
                    if (printed++ < max) {
                        out.printf(
                                Locale.ROOT,
                                FORMAT,
                                record.key(),
                                record.value().getStatus(),
                                record.value().getSealed() != null,
                                String.join(",", record.value().getParticipants()),
                                content(record.value(), decryption));
                    }
                    idleDeadline = System.nanoTime()
                            + Duration.ofSeconds(timeoutSeconds).toNanos();
                }
            }
        }
        out.flush();
    }

    /** Null without --decrypt or --key-file. */
    private Decryption decryption() throws IOException {
        if (!keyFiles.isEmpty()) {
            LocalOpener opener = LocalOpener.of(
                    keyFiles.stream().map(ParticipantKeyFile::read).toList());
            return new LocalDecryption(
                    opener, new EnvelopeView(envelopeConsumer(), Duration.ofSeconds(timeoutSeconds)), envelopesTopic);
        }
        return decrypt ? new ApiDecryption(service.accessClient(), purpose) : null;
    }

    static String content(EncryptedTransaction transaction, Decryption decryption) {
        if (decryption == null) {
            return content(transaction);
        }
        if (transaction.getSealed() != null) {
            return decryption.open(transaction);
        }
        return transaction.getClear() == null
                ? "(no content)"
                : "in clear: " + ConfidentialJson.object(ConfidentialJson.fields(transaction.getClear()));
    }

    static String content(EncryptedTransaction transaction) {
        if (transaction.getSealed() != null) {
            StringBuilder refs = new StringBuilder();
            transaction
                    .getSealed()
                    .getKeyRefs()
                    .forEach(ref -> refs.append(' ')
                            .append(ref.getParticipantId())
                            .append(":v")
                            .append(ref.getKeyVersion()));
            return transaction.getSealed().getCiphertext().remaining() + " bytes ciphertext; keys" + refs;
        }
        return transaction.getClear() == null
                ? "(no content)"
                : "in clear: " + transaction.getClear().getAmount().toPlainString() + " " + transaction.getCurrency();
    }

    private KafkaConsumer<String, EncryptedTransaction> consumer() {
        return new KafkaConsumer<>(
                consumerConfig(),
                new StringDeserializer(),
                ConfluentAvroSerdes.forClass(EncryptedTransaction.class, kafka.serdeConfig(), false)
                        .deserializer());
    }

    private KafkaConsumer<String, Envelope> envelopeConsumer() {
        return new KafkaConsumer<>(
                consumerConfig(),
                new StringDeserializer(),
                ConfluentAvroSerdes.forClass(Envelope.class, kafka.serdeConfig(), false)
                        .deserializer());
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "ctx-consume-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
    }
}
