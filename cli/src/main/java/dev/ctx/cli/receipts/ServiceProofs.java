package dev.ctx.cli.receipts;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Model.CommandSpec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.KafkaOptions;
import dev.ctx.cli.keys.KeyServiceOptions;

/** Asks the key service for a proof from custodial data, verifies the answer offline and prints it. */
final class ServiceProofs {

    /** The end of a range that has none (the endpoint needs one). */
    static final String END_OF_TIME = "9999-12-31T23:59:59Z";

    static final String PATH = "/v1/receipts/proofs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceProofs() {}

    /** Posts {@code body}, verifies the answer against {@code topic}, prints it; exit 0 only when it verifies. */
    static int requestAndVerify(
            CommandSpec spec,
            KeyServiceOptions service,
            KafkaOptions kafka,
            String topic,
            Duration timeout,
            Map<String, Object> body,
            Path out)
            throws IOException, InterruptedException {
        JsonNode answer = service.client().call("POST", PATH, body);
        if (out != null) {
            Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer) + "\n");
        }
        return verifyAndPrint(spec, ServiceProof.parse(answer), ReceiptBook.read(kafka, topic, timeout));
    }

    /** Verifies {@code proof} against {@code receipts} and prints it; exit 0 only when it verifies. */
    static int verifyAndPrint(CommandSpec spec, ServiceProof proof, ReceiptBook receipts) {
        Optional<String> failure = ServiceProofCheck.failure(proof, receipts);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "participant   %s%n", proof.participant());
        out.printf(Locale.ROOT, "proof         %s by the key service (event %s)%n", proof.kind(), proof.eventId());
        out.printf(Locale.ROOT, "transactions  %d%n", proof.transactions().size());
        if (proof.total() != null) {
            out.printf(
                    Locale.ROOT,
                    "total         %s (%s minor units, scale %d)%n",
                    new BigDecimal(proof.total(), proof.amountScale()).toPlainString(),
                    proof.total(),
                    proof.amountScale());
        }
        out.printf(Locale.ROOT, "%s proof %s%n", proof.kind(), HexFormat.of().formatHex(proof.proof()));
        out.printf(Locale.ROOT, "proof digest  %s%n", ServiceProofCheck.sha256(proof.proof()));
        out.printf(Locale.ROOT, "verified      %s%n", failure.isEmpty());
        out.flush();
        if (failure.isPresent()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + failure.get());
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
