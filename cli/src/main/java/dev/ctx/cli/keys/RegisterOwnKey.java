package dev.ctx.cli.keys;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.ctx.cli.access.AccessExitCodes;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.client.access.error.KeyServiceException;
import dev.ctx.client.byok.ProofOfPossession;
import dev.ctx.client.keyfile.KeyFileException;
import dev.ctx.client.keyfile.ParticipantKeyFile;

/**
 * {@code ctx keys register-own ID --key-file FILE}: registers the file's public key as the participant's own key,
 * runs the proof of possession (opens the key service's challenge locally) and records the assigned version in the
 * file.
 */
@Command(
        name = "register-own",
        mixinStandardHelpOptions = true,
        description = {
            "Register your own public key (BYOK) with a proof of possession; the private key never leaves"
                    + " the file.",
            "On success the key version becomes current and is recorded in the key file.",
            "Exit codes: as ctx access (4 proof failed, 7 challenge expired)."
        })
final class RegisterOwnKey extends KeyServiceCall {

    @Parameters(index = "0", paramLabel = "ID", description = "Participant id (as in the key file).")
    String id;

    @Option(
            names = "--key-file",
            required = true,
            paramLabel = "FILE",
            description = "Key file from ctx keys generate.")
    Path keyFile;

    @Override
    public Integer call() throws Exception {
        ParticipantKeyFile key = ParticipantKeyFile.read(keyFile);
        try {
            if (!key.participantId().equals(id)) {
                throw new KeyFileException(keyFile + " holds the key of " + key.participantId() + ", not " + id);
            }
            int version = ProofOfPossession.register(service.accessClient(), key);
            ParticipantKeyFile.recordKeyVersion(keyFile, version).destroy();
            out().printf("%s now uses its own key v%d (possession proven; recorded in %s)%n", id, version, keyFile);
            return ExitCodes.OK;
        } catch (KeyServiceException e) {
            return AccessExitCodes.report(
                    e, spec.qualifiedName(), spec.commandLine().getErr());
        } finally {
            key.destroy();
        }
    }
}
