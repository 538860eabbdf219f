package dev.ctx.cli.receipts;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.KafkaOptions;
import dev.ctx.cli.keys.KeyServiceOptions;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.client.local.LocalOpener;
import dev.ctx.envelope.receipts.Commitment;
import dev.ctx.envelope.receipts.Opening;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.envelope.receipts.SumProof;
import dev.ctx.envelope.receipts.SumStatement;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.receipts.Receipt;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;

/**
 * {@code bin/ctx receipts prove-sum --participant P --since T --key-file FILE}: opens the participant's transactions
 * locally with its own key, proves that their committed amounts sum to the printed total, and verifies the proof
 * against the commitments on {@code transactions.receipts}. A local open with a participant-held key is not in the
 * access log (docs/consumer-client.md). Without {@code --key-file} (a custodial key) the key service proves it
 * ({@code POST /v1/receipts/proofs}, recorded as {@code RECEIPT_PROOF_GENERATED}) and this command verifies the
 * answer offline against the receipts.
 */
@Command(
        name = "prove-sum",
        mixinStandardHelpOptions = true,
        description = {
            "Prove that the amounts of a participant's receipted transactions since T sum to the printed total,"
                    + " revealing neither the amounts nor their blindings. Opens them locally with --key-file"
                    + " (your own key); without --key-file (a custodial key) asks the key service at --url to prove"
                    + " it, then verifies its answer against transactions.receipts. Prints the statement and the"
                    + " proof, then verifies it.",
            "Exit 0 proof verifies, 1 failure, 2 usage."
        })
final class ProveSum implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--participant", required = true, paramLabel = "P", description = "The participant id.")
    String participant;

    @Option(
            names = "--since",
            required = true,
            paramLabel = "T",
            description = "ISO-8601 instant; transactions with a timestamp at or after it.")
    Instant since;

    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            description = "The participant's own key file (repeatable, one per key version). Absent: the key"
                    + " service proves from the custodial key.")
    List<Path> keyFiles = List.of();

    @Mixin
    KeyServiceOptions service;

    @Option(
            names = "--total",
            paramLabel = "MINOR_UNITS",
            description = "With the key service: the total you state, in minor units (a wrong one is refused with"
                    + " 422); absent, the service states the sum.")
    BigInteger statedTotal;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "With the key service: write its JSON answer here, for bin/ctx receipts verify --proof.")
    Path out;

    @Option(names = "--topic", defaultValue = "transactions.receipts", description = "Receipts topic.")
    String topic;

    @Option(names = "--encrypted-topic", defaultValue = "transactions.encrypted", description = "Sealed records.")
    String encryptedTopic;

    @Option(names = "--envelopes-topic", defaultValue = "transactions.envelopes", description = "Envelopes.")
    String envelopesTopic;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to read each topic to its end.")
    int timeoutSeconds;

    private LocalOpener opener;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (keyFiles.isEmpty()) {
            return byKeyService();
        }
        return locally();
    }

    /** Custodial: the key service proves, this command verifies offline against the receipts. */
    private int byKeyService() throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "sum");
        body.put("participant", participant);
        body.put("from", since.toString());
        body.put("to", ServiceProofs.END_OF_TIME);
        if (statedTotal != null) {
            body.put("statedTotal", statedTotal.toString());
        }
        return ServiceProofs.requestAndVerify(
                spec, service, kafka, topic, Duration.ofSeconds(timeoutSeconds), body, out);
    }

    private int locally() {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        List<Receipt> receipts = ReceiptBook.read(kafka, topic, timeout).of(participant, since);
        if (receipts.isEmpty()) {
            return fail("no receipt lists " + participant + " since " + since);
        }
        opener = LocalOpener.of(keyFiles.stream().map(ParticipantKeyFile::read).toList());
        Map<String, EncryptedTransaction> encrypted = latest(encryptedTopic, EncryptedTransaction.class, timeout);
        Map<String, Envelope> envelopes = latest(envelopesTopic, Envelope.class, timeout);
        List<SumStatement.Entry> entries = new ArrayList<>(receipts.size());
        List<Opening> openings = new ArrayList<>(receipts.size());
        BigInteger total = BigInteger.ZERO;
        for (Receipt receipt : receipts) {
            String id = receipt.getTransactionId();
            Commitment commitment = Commitment.parse(ReceiptFields.bytes(receipt.getCommitment()));
            if (!OpeningProof.parse(ReceiptFields.bytes(receipt.getOpeningProof()))
                    .verify(id, commitment)) {
                return fail("the opening proof of transaction " + id + " does not verify");
            }
            Opening opening = openingOf(receipt, encrypted.get(id), envelopes.get(id));
            if (!commitment.opensTo(opening)) {
                return fail("the sealed amount and blinding of transaction " + id + " do not open its receipt");
            }
            entries.add(new SumStatement.Entry(id, commitment));
            openings.add(opening);
            total = total.add(opening.value());
        }
        SumStatement statement = new SumStatement(participant, entries, total);
        SumProof proof = SumProof.prove(statement, openings, new SecureRandom());
        boolean verified = SumProof.parse(proof.toBytes()).verify(statement);
        print(statement, receipts.get(0), proof, verified);
        return verified ? ExitCodes.OK : fail("the sum proof does NOT verify");
    }

    private Opening openingOf(Receipt receipt, EncryptedTransaction encrypted, Envelope envelope) {
        String id = receipt.getTransactionId();
        if (encrypted == null || envelope == null) {
            throw new IllegalStateException("transaction " + id + " has no sealed record or envelope");
        }
        GenericRecord fields = opener.openRecord(encrypted, envelope);
        byte[] blinding = ConfidentialFields.receiptBlinding(fields)
                .orElseThrow(() -> new IllegalStateException("transaction " + id + " was sealed without a blinding"));
        BigDecimal amount = (BigDecimal) fields.get("amount");
        return Opening.of(Opening.minorUnits(amount, receipt.getAmountScale()), blinding);
    }

    private void print(SumStatement statement, Receipt first, SumProof proof, boolean verified) {
        PrintWriter out = spec.commandLine().getOut();
        BigDecimal total = new BigDecimal(statement.total(), first.getAmountScale());
        out.printf(Locale.ROOT, "participant   %s%n", participant);
        out.printf(
                Locale.ROOT, "transactions  %d since %s%n", statement.entries().size(), since);
        out.printf(
                Locale.ROOT,
                "total         %s (%s minor units, scale %d)%n",
                total.toPlainString(),
                statement.total(),
                first.getAmountScale());
        out.printf(Locale.ROOT, "sum proof     %s%n", HexFormat.of().formatHex(proof.toBytes()));
        out.printf(Locale.ROOT, "verified      %s%n", verified);
        out.flush();
    }

    private <V extends SpecificRecord> Map<String, V> latest(String name, Class<V> type, Duration timeout) {
        Map<String, V> latest = new HashMap<>();
        for (ConsumerRecord<String, V> record : TopicSnapshot.read(
                kafka.bootstrapServers(),
                name,
                ConfluentAvroSerdes.forClass(type, kafka.serdeConfig(), false).deserializer(),
                timeout)) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        return latest;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        return ExitCodes.FAILURE;
    }
}
