package dev.ctx.cli.keys;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.ctx.cli.common.ExitCodes;

/** Participant and key lifecycle over the key service's API; every call is authenticated and audited there. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Register participants and create, rotate, revoke and list their keys (key service HTTP API);"
                + " show rotation progress; generate and register your own key (BYOK).",
        subcommands = {
            KeysCommand.Register.class,
            KeysCommand.Rotate.class,
            KeysCommand.Revoke.class,
            KeysCommand.ListKeys.class,
            RotationStatusCommand.class,
            GenerateOwnKey.class,
            RegisterOwnKey.class
        })
public final class KeysCommand {

    /** {@code ctx keys register ID --role R}: registers a KYC-verified participant and creates its first key. */
    @Command(
            name = "register",
            mixinStandardHelpOptions = true,
            description = "Register a participant (KYC verified, ACTIVE) and create its first X25519 key.")
    static final class Register extends KeyServiceCall {
        @Parameters(index = "0", paramLabel = "ID", description = "Participant id.")
        String id;

        @Option(
                names = "--role",
                defaultValue = "client",
                description = "client, miner, auditor or compliance (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(
                names = "--purposes",
                split = ",",
                defaultValue = "settlement",
                description = "Allowed access purposes (default: ${DEFAULT-VALUE}).")
        List<String> purposes;

        @Override
        public Integer call() throws Exception {
            service.client().registerParticipant(id, role, purposes);
            JsonNode key = service.client().createKey(id);
            out().printf(
                            "registered %s (%s) with key v%d%n",
                            id, role, key.path("version").asInt());
            return ExitCodes.OK;
        }
    }

    /** {@code ctx keys rotate ID}. */
    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = "Rotate a participant's key: a new current version; old versions stay for unwrapping.")
    static final class Rotate extends KeyServiceCall {
        @Parameters(index = "0", paramLabel = "ID", description = "Participant id.")
        String id;

        @Override
        public Integer call() throws Exception {
            JsonNode key = service.client().rotateKey(id);
            out().printf("%s now uses key v%d%n", id, key.path("version").asInt());
            return ExitCodes.OK;
        }
    }

    /** {@code ctx keys revoke ID VERSION}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke one key version of a participant.")
    static final class Revoke extends KeyServiceCall {
        @Parameters(index = "0", paramLabel = "ID", description = "Participant id.")
        String id;

        @Parameters(index = "1", paramLabel = "VERSION", description = "Key version.")
        int version;

        @Override
        public Integer call() throws Exception {
            JsonNode key = service.client().revokeKey(id, version);
            out().printf("%s key v%d is %s%n", id, version, key.path("status").asText());
            return ExitCodes.OK;
        }
    }

    /** {@code ctx keys list}: a table of participants and their key versions. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List participants, their status and key versions.")
    static final class ListKeys extends KeyServiceCall {

        @Override
        public Integer call() throws Exception {
            JsonNode participants = service.client().participants();
            JsonNode rows = participants.isArray() ? participants : participants.path("participants");
            out().println(ParticipantTable.render(rows));
            return ExitCodes.OK;
        }
    }
}
