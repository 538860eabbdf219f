package dev.ctx.cli.receipts;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.KafkaOptions;
import dev.ctx.envelope.receipts.Commitment;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.schemas.receipts.Receipt;

/**
 * {@code bin/ctx receipts verify --txn ID}: checks the opening proof of one receipt; {@code --proof FILE}: checks a
 * proof the key service answered (saved with {@code --out}) against the receipts. Needs no key and no key service.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verify the receipt of one transaction on transactions.receipts: its commitment is a valid P-256 point and"
                    + " its opening proof, bound to the transaction id, verifies. Needs no key.",
            "With --proof FILE instead: verify a sum, range or opening proof the key service answered (saved by"
                    + " prove-sum or prove-range --out) against the commitments on transactions.receipts, offline.",
            "Exit 0 valid, 1 invalid or missing receipt (one line on stderr), 2 usage."
        })
final class VerifyReceipt implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--txn", paramLabel = "ID", description = "The transaction id.")
    String transactionId;

    @Option(
            names = "--proof",
            paramLabel = "FILE",
            description = "A key-service proof answer (JSON) to verify instead of one receipt.")
    Path proofFile;

    @Option(
            names = "--topic",
            defaultValue = "transactions.receipts",
            description = "Receipts topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--timeout",
            defaultValue = "30",
            description = "Seconds to read the topic to its end (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        if ((transactionId == null) == (proofFile == null)) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": name exactly one of --txn or --proof");
            return ExitCodes.USAGE;
        }
        if (proofFile != null) {
            ServiceProof proof = ServiceProof.parse(new ObjectMapper().readTree(Files.readString(proofFile)));
            return ServiceProofs.verifyAndPrint(
                    spec, proof, ReceiptBook.read(kafka, topic, Duration.ofSeconds(timeoutSeconds)));
        }
        Optional<Receipt> found = ReceiptBook.read(kafka, topic, Duration.ofSeconds(timeoutSeconds))
                .find(transactionId);
        if (found.isEmpty()) {
            return fail("no receipt for transaction " + transactionId + " on " + topic);
        }
        Receipt receipt = found.get();
        Commitment commitment = Commitment.parse(ReceiptFields.bytes(receipt.getCommitment()));
        OpeningProof proof = OpeningProof.parse(ReceiptFields.bytes(receipt.getOpeningProof()));
        if (!proof.verify(transactionId, commitment)) {
            return fail("the opening proof of transaction " + transactionId + " does NOT verify");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "receipt of %s: opening proof valid (%s, commitment %s, participants %s)%n",
                transactionId,
                receipt.getScheme(),
                HexFormat.of().formatHex(commitment.toBytes()),
                String.join(",", receipt.getParticipants()));
        out.flush();
        return ExitCodes.OK;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        return ExitCodes.FAILURE;
    }
}
