package dev.ctx.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.client.fields.ConfidentialJson;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.client.open.SealedTransactionOpener;
import dev.ctx.envelope.Recipient;
import dev.ctx.processor.app.ProcessorApplication;
import dev.ctx.processor.config.RewrapKeys;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;
import dev.ctx.testkit.kafka.BrokerProperties;

/**
 * The rotation job for the two wraps the key service cannot open with a participant's custodial key (issue 14): the
 * escrow wrap after a rotation of the escrow key, and a participant-held (BYOK) key's wraps after that participant
 * registers a new own key. The real embedded broker, the key service over HTTP, the processor with both topologies;
 * 600 confidential transactions, each with an escrow wrap.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscrowAndOwnKeyRotationIT {

    private static final String OWN = "miner-9";
    private static final List<String> PARTICIPANTS = List.of("miner-1", "client-1", OWN);
    private static final int TRANSACTIONS = 600;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static DemoStack stack;
    private static KeyServiceClient operator;
    private static TopologySerdes serdes;
    private static Map<String, Envelope> firstGenerations;
    private static Map<String, EncryptedTransaction> encrypted;
    private static Map<String, String> rewrap;
    private static String firstEscrowFingerprint;
    private static ProcessorApplication processor;
    private static Path ownKeyV1;

    @BeforeAll
    static void sealTransactionsForCustodialAndOwnKeys() throws Exception {
        stack = new DemoStack(dir.resolve("stack"), new DemoPorts(BrokerProperties.freeLoopbackPortPair(), 0, 0, 0));
        stack.startKafka();
        stack.startRegistry();
        stack.startKeyService();
        operator = stack.operatorClient(stack.issueToken("operator-1", "operator", Duration.ofHours(1)));
        for (String id : PARTICIPANTS) {
            operator.registerParticipant(id, "miner", List.of("settlement"));
        }
        operator.createKey("miner-1");
        operator.createKey("client-1");
        ownKeyV1 = registerOwnKey("own-v1.key");
        firstEscrowFingerprint = operator.createEscrowKey().path("fingerprint").asText();
        rewrap = new HashMap<>();
        rewrap.put(RewrapKeys.URL_CONFIG, stack.keyServiceUrl());
        rewrap.put(RewrapKeys.TOKEN_CONFIG, stack.issueToken("rewrap-job", "operator", Duration.ofHours(1)));
        rewrap.put(RewrapKeys.INTERVAL_MS_CONFIG, "200");
        rewrap.put(RewrapKeys.BATCH_SIZE_CONFIG, "100");
        processor = stack.startProcessor(firstEscrowFingerprint, rewrap);
        DemoCommand.awaitRunning(processor);
        try (TransactionProducer producer = DemoCommand.producer(stack)) {
            producer.produce(
                    new TransactionGenerator(
                                    GeneratorSettings.benchmarkDefault("esc")
                                            .withParticipants(PARTICIPANTS, 2, 3)
                                            .withConfidentialRatio(1.0),
                                    41L)
                            .asIterator(),
                    TRANSACTIONS,
                    0,
                    sent -> {});
        }
        serdes = DemoCommand.serdes(stack.registryUrl());
        await(TRANSACTIONS + " envelopes", () -> envelopes().size() == TRANSACTIONS);
        firstGenerations = envelopes();
        encrypted = CommittedTopic.read(
                        stack.bootstrapServers(),
                        DemoCommand.topics().encrypted(),
                        serdes.encrypted().deserializer())
                .latest();
    }

    @AfterAll
    static void stop() {
        if (serdes != null) {
            serdes.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void anEscrowRotationMovesEveryEscrowWrapToTheNewEscrowVersionAndRetiresTheOldOne() throws Exception {
        // Given
        assertThat(firstGenerations.values())
                .allSatisfy(envelope ->
                        assertThat(escrowWrapOf(envelope).getKeyVersion()).isEqualTo(1));

        // When: the escrow key rotates, and the processor pins both fingerprints (docs/keyring-signature.md)
        String second = operator.call("POST", "/v1/escrow/key/rotate", null)
                .path("fingerprint")
                .asText();
        processor.close();
        processor = stack.startProcessor(firstEscrowFingerprint + "," + second, rewrap);
        DemoCommand.awaitRunning(processor);
        await(
                "escrow v1 retired by the job",
                () -> RotationChecks.status(operator, Recipient.ESCROW_ID, 1).equals("retired"));

        // Then: every envelope one generation on, its escrow wrap on v2, every participant's wrap unchanged
        Map<String, Envelope> latest = envelopes();
        assertThat(latest).hasSize(TRANSACTIONS);
        latest.forEach((id, next) -> {
            Envelope first = firstGenerations.get(id);
            assertThat(next.getGeneration()).as(id).isEqualTo(first.getGeneration() + 1);
            assertThat(escrowWrapOf(next).getKeyVersion()).as(id).isEqualTo(2);
            assertThat(escrowWrapOf(next).getRecipientType()).isEqualTo(RecipientType.ESCROW);
            assertThat(escrowWrapOf(next).getWrap())
                    .isNotEqualTo(escrowWrapOf(first).getWrap());
            for (String participant : PARTICIPANTS) {
                assertThat(RotationChecks.wrap(next, participant))
                        .as(id + " " + participant)
                        .isEqualTo(RotationChecks.wrap(first, participant));
            }
        });
        List<AccessEvent> rewrapped = RotationChecks.rewrappedEvents(stack, serdes, Recipient.ESCROW_ID);
        assertThat(rewrapped).hasSize(TRANSACTIONS);
        assertThat(rewrapped)
                .allSatisfy(event -> assertThat(event.getAttributes())
                        .containsEntry("fromKeyVersion", "1")
                        .containsEntry("toKeyVersion", "2")
                        .containsEntry("escrowKeyUsed", "true"));
        assertThat(RotationChecks.status(operator, Recipient.ESCROW_ID, 2)).isEqualTo("active");
        JsonNode status = JSON.readTree(rotationStatus(Recipient.ESCROW_ID));
        assertThat(status.at("/participants/0/versions/0/status").asText()).isEqualTo("retired");
        assertThat(status.at("/participants/0/versions/0/remainingEnvelopes").asLong())
                .isZero();
        assertThat(status.at("/participants/0/versions/0/partitionsReported").asInt())
                .isEqualTo(3);
        // the key service opens a rewrapped escrow wrap (now under v2) through the two-officer escrow flow
        String id = latest.keySet().iterator().next();
        assertThat(openedByEscrow(id)).isEqualTo("OPENED");
    }

    @Test
    @Order(2)
    void aParticipantHeldKeysEnvelopesAreRewrappedFromTheEscrowWrapForItsNewOwnKey() throws Exception {
        // Given
        Map<String, Envelope> before = envelopes();
        List<String> owns = before.entrySet().stream()
                .filter(entry -> RotationChecks.wrap(entry.getValue(), OWN) != null)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(owns).hasSizeGreaterThan(100);

        // When: the participant registers a new own key (v2): a rotation the key service holds no private key for
        Path ownKeyV2 = registerOwnKey("own-v2.key");
        await(
                OWN + " v1 retired by the job",
                () -> RotationChecks.status(operator, OWN, 1).equals("retired"));

        // Then
        Map<String, Envelope> latest = envelopes();
        SealedTransactionOpener opener = new SealedTransactionOpener();
        ParticipantKeyFile oldKey = ParticipantKeyFile.read(ownKeyV1);
        ParticipantKeyFile newKey = ParticipantKeyFile.read(ownKeyV2);
        assertThat(newKey.keyVersion()).hasValue(2);
        for (String id : owns) {
            Envelope next = latest.get(id);
            assertThat(next.getGeneration()).as(id).isEqualTo(before.get(id).getGeneration() + 1);
            assertThat(RotationChecks.wrap(next, OWN).getKeyVersion()).as(id).isEqualTo(2);
            assertThat(escrowWrapOf(next)).as(id).isEqualTo(escrowWrapOf(before.get(id)));
            Map<String, JsonNode> was =
                    ConfidentialJson.fields(opener.open(encrypted.get(id), before.get(id), oldKey.recipientKey()));
            Map<String, JsonNode> now =
                    ConfidentialJson.fields(opener.open(encrypted.get(id), next, newKey.recipientKey()));
            assertThat(now).as(id).isNotEmpty().isEqualTo(was);
            assertThat(catchThrowable(() -> opener.open(encrypted.get(id), next, oldKey.recipientKey())))
                    .as("the old own key does not open " + id)
                    .isNotNull();
        }
        oldKey.destroy();
        newKey.destroy();
        List<AccessEvent> rewrapped = RotationChecks.rewrappedEvents(stack, serdes, OWN);
        assertThat(rewrapped).hasSize(owns.size());
        assertThat(rewrapped)
                .allSatisfy(event -> assertThat(event.getAttributes())
                        .containsEntry("fromKeyVersion", "1")
                        .containsEntry("toKeyVersion", "2")
                        .containsEntry("escrowKeyUsed", "true"));
    }

    /** {@code ctx keys generate} and {@code ctx keys register-own} as the participant: the key file's version. */
    private static Path registerOwnKey(String name) throws Exception {
        Path file = dir.resolve(name);
        assertThat(run("keys", "generate", "--out", file.toString(), "--participant", OWN))
                .isEqualTo(ExitCodes.OK);
        Path token = Files.writeString(
                dir.resolve(name + ".jwt"), stack.issueToken(OWN, "participant", Duration.ofMinutes(10)));
        assertThat(run(
                        "keys",
                        "register-own",
                        OWN,
                        "--key-file",
                        file.toString(),
                        "--url",
                        stack.keyServiceUrl(),
                        "--token-file",
                        token.toString()))
                .isEqualTo(ExitCodes.OK);
        return file;
    }

    /** Files, approves (two officers) and opens an escrow request for {@code id}: the transaction's status. */
    private static String openedByEscrow(String id) throws Exception {
        KeyServiceClient auditor =
                stack.operatorClient(stack.issueSteppedUpToken("auditor-1", "auditor", Duration.ofMinutes(10)));
        String request = auditor.call(
                        "POST",
                        "/v1/escrow/requests",
                        Map.of(
                                "transactionIds", List.of(id),
                                "authorizationReference", "CO-2026-14",
                                "legalBasis", "court order",
                                "reason", "escrow rotation check",
                                "expiresIn", "P1D"))
                .path("requestId")
                .asText();
        for (String officer : List.of("officer-1", "officer-2")) {
            stack.operatorClient(stack.issueSteppedUpToken(officer, "compliance", Duration.ofMinutes(10)))
                    .call("POST", "/v1/escrow/requests/" + request + "/approvals", null);
        }
        JsonNode opened = auditor.call("POST", "/v1/escrow/requests/" + request + "/open", null);
        return opened.at("/transactions/0/status").asText();
    }

    private static int run(String... args) {
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    private static RecipientWrap escrowWrapOf(Envelope envelope) {
        RecipientWrap wrap = RotationChecks.wrap(envelope, Recipient.ESCROW_ID);
        assertThat(wrap).as("escrow wrap of " + envelope.getTransactionId()).isNotNull();
        return wrap;
    }

    private static String rotationStatus(String participant) throws IOException {
        Path token = Files.writeString(
                dir.resolve("status.jwt"), stack.issueToken("operator-2", "operator", Duration.ofMinutes(5)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(
                "keys",
                "rotation-status",
                participant,
                "--json",
                "--bootstrap-servers",
                stack.bootstrapServers(),
                "--url",
                stack.keyServiceUrl(),
                "--token-file",
                token.toString());
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        return out.toString();
    }

    private static Map<String, Envelope> envelopes() {
        return RotationChecks.envelopes(stack, serdes);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        RotationChecks.await(what, condition);
    }
}
