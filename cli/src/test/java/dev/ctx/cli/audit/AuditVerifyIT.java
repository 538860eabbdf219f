package dev.ctx.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.schemas.auditlog.Sha256;
import dev.ctx.testkit.auditlog.AccessLogFixture;
import dev.ctx.testkit.auditlog.FixtureSigner;
import dev.ctx.testkit.kafka.SharedKafka;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * {@code ctx audit verify|prove|verify-proof} against the real embedded broker and a real registry, with records the
 * fixture wrote as the sealer writes them: two partitions of 60 events, a checkpoint after every 20th; tampering in
 * partition 1.
 */
class AuditVerifyIT {

    private static final FixtureSigner SIGNER = FixtureSigner.generate("audit-signer-1");
    private static final FixtureSigner OTHER = FixtureSigner.generate("audit-signer-x");
    private static final AccessLogFixture CLEAN = AccessLogFixture.seal(2, 60, 20, SIGNER);
    private static SchemaRegistryServer registry;

    @TempDir
    static Path dir;

    private static Path keys;

    @BeforeAll
    static void start() throws IOException {
        registry = SchemaRegistryServer.builder().build().start();
        keys = Files.writeString(dir.resolve("signing-keys.json"), FixtureSigner.keysJson(SIGNER));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void aCleanLogVerifiesFromTheBrokerAndItsExportVerifiesOffline() throws Exception {
        // Given
        String[] topics = write(CLEAN);
        Path export = dir.resolve("clean-export.jsonl");
        // When
        Run fromBroker = run(brokerArgs(
                topics, "audit", "verify", "--signing-keys", keys.toString(), "--export", export.toString()));
        Run fromFile = run("audit", "verify", "--file", export.toString(), "--signing-keys", keys.toString());
        // Then
        assertThat(fromBroker.exit).as(fromBroker.out).isEqualTo(ExitCodes.OK);
        assertThat(fromBroker.out).contains("OK: 120 entries and 6 checkpoints hold");
        assertThat(fromFile.exit).as(fromFile.out).isEqualTo(ExitCodes.OK);
        assertThat(fromFile.out).isEqualTo(fromBroker.out);
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of(CLEAN.withModifiedEvent(1, 33), "MODIFIED_EVENT at %s/1@33"),
                Arguments.of(CLEAN.withoutEntry(1, 33), "SEQUENCE_GAP at %s/1@33"),
                Arguments.of(CLEAN.withSwappedEntries(1, 33), "REORDERED at %s/1@33"),
                Arguments.of(CLEAN.withInjectedEntry(1, 33), "INJECTED at %s/1@33"),
                Arguments.of(
                        CLEAN.withForgedCheckpoint(1, 1, c -> c.setMerkleRoot(new Sha256(new byte[32]))),
                        "BAD_SIGNATURE at %s.checkpoints/1@1"),
                Arguments.of(
                        CLEAN.withCheckpointSignedBy(1, 1, OTHER.keyId(), OTHER, c -> c),
                        "UNKNOWN_SIGNING_KEY at %s.checkpoints/1@1"),
                Arguments.of(CLEAN.truncatedAfter(1, 50), "TRUNCATED at %s/1@51"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("tamperings")
    void aTamperedLogOnTheBrokerFailsWithItsFirstBreakAndSoDoesItsExport(AccessLogFixture tampered, String expected)
            throws Exception {
        // Given
        String[] topics = write(tampered);
        Path export = dir.resolve(topics[0] + ".jsonl");
        // When
        Run fromBroker = run(brokerArgs(
                topics, "audit", "verify", "--signing-keys", keys.toString(), "--export", export.toString()));
        Run fromFile = run("audit", "verify", "--file", export.toString(), "--signing-keys", keys.toString());
        // Then
        String line = "BROKEN " + String.format(expected, topics[0]);
        assertThat(fromBroker.exit).as(fromBroker.out).isEqualTo(AuditExitCodes.BROKEN);
        assertThat(fromBroker.out).contains(line);
        assertThat(fromFile.exit).as(fromFile.out).isEqualTo(AuditExitCodes.BROKEN);
        assertThat(fromFile.out).contains(line);
    }

    @Test
    void fromOffsetStartsAtASignedCheckpointAndStillFindsABreakAfterIt() throws Exception {
        // Given: a modified event after the checkpoint 20..39, none before it
        String[] topics = write(CLEAN.withModifiedEvent(1, 45));
        // When
        Run run = run(brokerArgs(topics, "audit", "verify", "--signing-keys", keys.toString(), "--from-offset", "41"));
        // Then
        assertThat(run.exit).as(run.out).isEqualTo(AuditExitCodes.BROKEN);
        assertThat(run.out)
                .contains("BROKEN MODIFIED_EVENT at " + topics[0] + "/1@45")
                .contains("partition 0: 20 entries (sequences 40..59), 1 checkpoints matched")
                .doesNotContain("BROKEN MODIFIED_EVENT at " + topics[0] + "/0");
    }

    @Test
    void fromOffsetSkipsABreakBeforeTheAnchor() throws Exception {
        // Given: the only break is in the part the anchor vouches for no more
        String[] topics = write(CLEAN.withModifiedEvent(1, 5));
        // When
        Run run = run(brokerArgs(topics, "audit", "verify", "--signing-keys", keys.toString(), "--from-offset", "41"));
        // Then
        assertThat(run.exit).as(run.out).isEqualTo(ExitCodes.OK);
        assertThat(run.out)
                .contains("partition 1: 20 entries (sequences 40..59)")
                .doesNotContain("BROKEN");
    }

    @Test
    void aProofFromTheBrokerVerifiesOfflineAndFailsWhenItsEventChanges() throws Exception {
        // Given
        String[] topics = write(CLEAN);
        Path proof = dir.resolve("proof.json");
        // When
        Run prove = run(brokerArgs(
                topics,
                "audit",
                "prove",
                "--event",
                AccessLogFixture.eventId(1, 27),
                "--out",
                proof.toString(),
                "--signing-keys",
                keys.toString()));
        Run check = run("audit", "verify-proof", proof.toString(), "--signing-keys", keys.toString());
        Files.writeString(
                proof,
                Files.readString(proof)
                        .replace(
                                "\"eventId\" : \"" + AccessLogFixture.eventId(1, 27),
                                "\"eventId\" : \"" + AccessLogFixture.eventId(1, 28)));
        Run changed = run("audit", "verify-proof", proof.toString(), "--signing-keys", keys.toString());
        // Then
        assertThat(prove.exit).as(prove.err).isEqualTo(ExitCodes.OK);
        assertThat(check.exit).as(check.out).isEqualTo(ExitCodes.OK);
        assertThat(check.out).contains("is sequence 27 of partition 1, under the checkpoint of 20..39");
        assertThat(changed.exit).isEqualTo(AuditExitCodes.BROKEN);
        assertThat(changed.out).contains("BROKEN MODIFIED_EVENT");
    }

    @Test
    void verifyingABrokerWithoutPinnedKeysIsAUsageError() throws Exception {
        String[] topics = write(CLEAN);
        assertThat(run(brokerArgs(topics, "audit", "verify")).exit).isEqualTo(ExitCodes.USAGE);
    }

    private static String[] write(AccessLogFixture fixture) throws InterruptedException, ExecutionException {
        String entries = SharedKafka.uniqueName("access-log");
        String checkpoints = entries + ".checkpoints";
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(entries, 2, (short) 1), new NewTopic(checkpoints, 2, (short) 1)))
                    .all()
                    .get();
        }
        fixture.writeTo(
                SharedKafka.bootstrapServers(), Map.of("schema.registry.url", registry.url()), entries, checkpoints);
        return new String[] {entries, checkpoints};
    }

    private static String[] brokerArgs(String[] topics, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--bootstrap-server",
                SharedKafka.bootstrapServers(),
                "--registry-url",
                registry.url(),
                "--entries-topic",
                topics[0],
                "--checkpoints-topic",
                topics[1]));
        return all.toArray(String[]::new);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {}
}
