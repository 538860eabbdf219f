package dev.ctx.cli.audit;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.client.auditlog.ExportFileReader;
import dev.ctx.client.auditlog.InclusionProof;
import dev.ctx.client.auditlog.ProofCollector;
import dev.ctx.client.auditlog.ProofVerdict;

/**
 * {@code ctx audit prove --event ID}: the inclusion proof of one event under the signed checkpoint that covers it
 * (docs/access-log-chain.md §8), as JSON on stdout or in {@code --out FILE}.
 */
@Command(
        name = "prove",
        mixinStandardHelpOptions = true,
        description = {
            "Print the RFC 6962 inclusion proof of one event under the signed checkpoint that covers it (JSON).",
            "Exit codes: 0 proof written, 1 no such event or not yet under a checkpoint, 2 usage, 3 the proof"
                    + " does not verify under --signing-keys."
        })
public final class ProveCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--event", required = true, paramLabel = "ID", description = "The event id.")
    String eventId;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the proof here instead of stdout.")
    Path out;

    @Mixin
    LogSourceOptions source;

    @Mixin
    SigningKeyOptions keys;

    @Override
    public Integer call() throws Exception {
        ProofCollector collector = new ProofCollector(eventId);
        if (source.file != null) {
            try (ExportFileReader reader = ExportFileReader.open(source.file)) {
                reader.readInto(collector);
            }
        } else {
            source.broker().readInto(collector);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (collector.proof().isEmpty()) {
            err.println("ctx audit prove: "
                    + (collector.found()
                            ? "event " + eventId + " is not under a signed checkpoint yet"
                            : "no event " + eventId + " in " + source.describe()));
            return ExitCodes.FAILURE;
        }
        InclusionProof proof = collector.proof().get();
        if (keys.given()) {
            ProofVerdict verdict = proof.verify(keys.load());
            if (!verdict.valid()) {
                err.println("ctx audit prove: the proof does not verify: "
                        + verdict.failure().get() + ": " + verdict.detail());
                return AuditExitCodes.BROKEN;
            }
        }
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(proof.toJson());
        if (out != null) {
            Files.write(out, json);
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(new String(json, StandardCharsets.UTF_8));
            stdout.flush();
        }
        return ExitCodes.OK;
    }
}
