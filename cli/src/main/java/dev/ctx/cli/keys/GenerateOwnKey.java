package dev.ctx.cli.keys;

import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.client.keyfile.ParticipantKeyFile;

/** {@code ctx keys generate --out FILE --participant ID}: a participant's own X25519 key file (BYOK), offline. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generate your own X25519 key pair into a key file (rw-------, never overwritten).",
            "Register it with: ctx keys register-own ID --key-file FILE. Format: docs/participant-key-file.md."
        })
final class GenerateOwnKey implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Key file to create.")
    Path out;

    @Option(names = "--participant", required = true, paramLabel = "ID", description = "Your participant id.")
    String participantId;

    @Override
    public Integer call() {
        ParticipantKeyFile keyFile = ParticipantKeyFile.generate(out, participantId);
        try {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "wrote %s (owner-only) for %s; public key %s%n",
                            out,
                            participantId,
                            Base64.getEncoder()
                                    .encodeToString(keyFile.publicKey().bytes()));
            return ExitCodes.OK;
        } finally {
            keyFile.destroy();
        }
    }
}
