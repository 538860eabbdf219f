package dev.ctx.cli.audit;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.client.auditlog.InclusionProof;
import dev.ctx.client.auditlog.ProofVerdict;

/** {@code ctx audit verify-proof FILE --signing-keys FILE}: checks an inclusion proof offline. */
@Command(
        name = "verify-proof",
        mixinStandardHelpOptions = true,
        description = {
            "Check an inclusion proof offline with only the signer's public key: the checkpoint's signature, the"
                    + " entry's hash over its event, and the audit path up to the signed Merkle root.",
            "Exit codes: 0 the proof holds, 1 unreadable file or keys, 2 usage, 3 the proof does not hold."
        })
public final class VerifyProofCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The proof (JSON of ctx audit prove).")
    Path file;

    @Mixin
    SigningKeyOptions keys;

    @Override
    public Integer call() throws Exception {
        if (!keys.given()) {
            throw new ParameterException(spec.commandLine(), "give --signing-keys FILE or --key-service URL");
        }
        InclusionProof proof = InclusionProof.parse(Files.readAllBytes(file));
        ProofVerdict verdict = proof.verify(keys.load());
        PrintWriter out = spec.commandLine().getOut();
        if (verdict.valid()) {
            out.println("OK: " + verdict.detail());
            out.flush();
            return ExitCodes.OK;
        }
        out.println("BROKEN " + verdict.failure().get() + ": " + verdict.detail());
        out.flush();
        return AuditExitCodes.BROKEN;
    }
}
