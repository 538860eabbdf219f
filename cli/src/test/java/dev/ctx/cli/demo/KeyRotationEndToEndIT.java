package dev.ctx.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.client.fields.ConfidentialJson;
import dev.ctx.client.open.SealedTransactionOpener;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.processor.config.RewrapKeys;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;
import dev.ctx.testkit.kafka.BrokerProperties;

/**
 * The rotation job end to end (issue 14): the real embedded broker, the real key service over HTTP and the processor
 * with both topologies; 5,000 confidential transactions sealed with epoch wraps (the default), then a participant
 * rotated through the key-service API. The job rewraps every envelope of that participant, retires the old version
 * by itself once every partition reports zero, and the operator can then destroy it.
 */
class KeyRotationEndToEndIT {

    private static final String ALICE = "miner-1";
    private static final String DAVE = "miner-4";
    private static final List<String> UNROTATED = List.of("client-1", "miner-2", Recipient.ESCROW_ID);
    private static final List<String> PARTICIPANTS = List.of(ALICE, "client-1", "miner-2", DAVE);
    private static final int TRANSACTIONS = 5_000;
    private static final String VERIFIER = "system:test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static DemoStack stack;
    private static KeyServiceClient operator;
    private static TopologySerdes serdes;
    private static Map<String, Envelope> firstGenerations;
    private static Map<String, EncryptedTransaction> encrypted;

    @BeforeAll
    static void sealFiveThousandTransactions() throws Exception {
        stack = new DemoStack(dir.resolve("stack"), new DemoPorts(BrokerProperties.freeLoopbackPortPair(), 0, 0, 0));
        stack.startKafka();
        stack.startRegistry();
        stack.startKeyService();
        operator = stack.operatorClient(stack.issueToken("operator-1", "operator", Duration.ofHours(1)));
        for (String id : PARTICIPANTS) {
            operator.registerParticipant(id, "miner", List.of("settlement"));
            operator.createKey(id);
        }
        String escrow = operator.createEscrowKey().path("fingerprint").asText();
        Map<String, String> rewrap = new HashMap<>();
        rewrap.put(RewrapKeys.URL_CONFIG, stack.keyServiceUrl());
        rewrap.put(RewrapKeys.TOKEN_CONFIG, stack.issueToken("rewrap-job", "operator", Duration.ofHours(1)));
        rewrap.put(RewrapKeys.INTERVAL_MS_CONFIG, "200");
        rewrap.put(RewrapKeys.BATCH_SIZE_CONFIG, "100");
        DemoCommand.awaitRunning(stack.startProcessor(escrow, rewrap));
        try (TransactionProducer producer = DemoCommand.producer(stack)) {
            producer.produce(
                    new TransactionGenerator(
                                    GeneratorSettings.benchmarkDefault("rot")
                                            .withParticipants(PARTICIPANTS, 2, 3)
                                            .withConfidentialRatio(1.0),
                                    14L)
                            .asIterator(),
                    TRANSACTIONS,
                    0,
                    sent -> {});
        }
        serdes = DemoCommand.serdes(stack.registryUrl());
        await("5,000 envelopes", () -> envelopes().size() == TRANSACTIONS);
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
    void aRotatedParticipantsEnvelopesMoveToTheNewVersionAndTheOldOneIsRetiredThenDestroyable() throws Exception {
        // Given
        X25519PrivateKey oldKey = stack.keyService().unsealCustodialKeyInProcessForVerification(VERIFIER, ALICE, 1);
        List<String> alices = withWrapOf(ALICE);
        assertThat(alices).hasSizeGreaterThan(1_000);

        // When
        int newVersion = operator.rotateKey(ALICE).path("version").asInt();
        await(ALICE + " v1 retired by the job", () -> status(ALICE, 1).equals("retired"));

        // Then: every envelope of the participant is one generation on, on the new version
        Map<String, Envelope> latest = envelopes();
        assertThat(latest).hasSize(TRANSACTIONS);
        for (String id : alices) {
            Envelope next = latest.get(id);
            Envelope first = firstGenerations.get(id);
            assertThat(next.getGeneration()).as(id).isGreaterThan(first.getGeneration());
            assertThat(wrapOf(next, ALICE).getKeyVersion()).as(id).isEqualTo(newVersion);
            for (String other : UNROTATED) {
                assertThat(RotationChecks.wrap(next, other))
                        .as(id + " " + other)
                        .isEqualTo(RotationChecks.wrap(first, other));
            }
        }
        // one rotation: exactly one REWRAPPED event of the participant per envelope; one per written generation
        List<AccessEvent> rewrapped = rewrappedEventsOf(ALICE);
        assertThat(rewrapped).hasSize(alices.size());
        assertThat(rewrapped.stream().map(AccessEvent::getTransactionId).distinct())
                .hasSize(alices.size());
        assertOneRewrappedEventPerWrittenGeneration(latest);
        // the new key opens what the old key opened; the old key does not open the new generation
        X25519PrivateKey newKey =
                stack.keyService().unsealCustodialKeyInProcessForVerification(VERIFIER, ALICE, newVersion);
        SealedTransactionOpener opener = new SealedTransactionOpener();
        for (String id : alices.subList(0, 200)) {
            Map<String, JsonNode> before = ConfidentialJson.fields(
                    opener.open(encrypted.get(id), firstGenerations.get(id), RecipientPrivateKey.of(ALICE, 1, oldKey)));
            Map<String, JsonNode> after = ConfidentialJson.fields(
                    opener.open(encrypted.get(id), latest.get(id), RecipientPrivateKey.of(ALICE, newVersion, newKey)));
            assertThat(after).as(id).isNotEmpty().isEqualTo(before);
            assertThat(catchThrowable(() ->
                            opener.open(encrypted.get(id), latest.get(id), RecipientPrivateKey.of(ALICE, 1, oldKey))))
                    .as(id)
                    .isNotNull();
        }
        oldKey.destroy();
        newKey.destroy();
        // ctx keys rotation-status shows the retired version with no envelope left on any of the 3 partitions
        JsonNode status = JSON.readTree(rotationStatus(ALICE));
        assertThat(status.at("/participants/0/participantId").asText()).isEqualTo(ALICE);
        assertThat(status.at("/participants/0/versions/0/status").asText()).isEqualTo("retired");
        assertThat(status.at("/participants/0/versions/0/remainingEnvelopes").asLong())
                .isZero();
        assertThat(status.at("/participants/0/versions/0/partitionsReported").asInt())
                .isEqualTo(3);
        assertThat(status.at("/participants/0/versions/1/state").asText()).isEqualTo("current");
        // the retired version can now be destroyed, and the key service no longer opens it
        operator.destroyKey(ALICE, 1);
        assertThat(status(ALICE, 1)).isEqualTo("destroyed");
        assertThat(catchThrowable(
                        () -> stack.keyService().unsealCustodialKeyInProcessForVerification(VERIFIER, ALICE, 1)))
                .isNotNull();
        // envelopes without the participant were not touched
        firstGenerations.forEach((id, first) -> {
            if (!alices.contains(id) && !withWrapOf(DAVE).contains(id)) {
                assertThat(latest.get(id)).as(id).isEqualTo(first);
            }
        });
    }

    @Test
    void aSecondRotationDuringTheJobEndsOnTheNewestVersionWithBothOldVersionsRetired() throws Exception {
        // Given
        List<String> daves = withWrapOf(DAVE);

        // When: the second rotation lands while the first job is rewrapping
        operator.rotateKey(DAVE);
        await("the first job of " + DAVE + " started", () -> rewrappedSoFar(DAVE) > 0);
        int newest = operator.rotateKey(DAVE).path("version").asInt();
        await(
                DAVE + " v1 and v2 retired",
                () -> status(DAVE, 1).equals("retired") && status(DAVE, 2).equals("retired"));

        // Then
        assertThat(newest).isEqualTo(3);
        Map<String, Envelope> latest = envelopes();
        for (String id : daves) {
            Envelope next = latest.get(id);
            Envelope first = firstGenerations.get(id);
            assertThat(wrapOf(next, DAVE).getKeyVersion()).as(id).isEqualTo(newest);
            assertThat(next.getGeneration()).as(id).isGreaterThan(first.getGeneration());
            for (String other : UNROTATED) {
                assertThat(RotationChecks.wrap(next, other))
                        .as(id + " " + other)
                        .isEqualTo(RotationChecks.wrap(first, other));
            }
        }
        assertThat(rewrappedEventsOf(DAVE)).hasSizeBetween(daves.size(), 2 * daves.size());
        assertOneRewrappedEventPerWrittenGeneration(latest);
        assertThat(status(DAVE, 3)).isEqualTo("active");
    }

    /** No generation written twice, none without its event: events = generations written, all distinct. */
    private static void assertOneRewrappedEventPerWrittenGeneration(Map<String, Envelope> latest) {
        List<AccessEvent> rewrapped = rewrappedEventsOf(null);
        long generationsWritten = latest.entrySet().stream()
                .mapToLong(entry -> entry.getValue().getGeneration()
                        - firstGenerations.get(entry.getKey()).getGeneration())
                .sum();
        assertThat(rewrapped).hasSize((int) generationsWritten);
        assertThat(rewrapped.stream()
                        .map(event -> event.getTransactionId() + "/"
                                + event.getAttributes().get("generation"))
                        .distinct())
                .hasSize(rewrapped.size());
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

    private static List<String> withWrapOf(String participant) {
        return firstGenerations.entrySet().stream()
                .filter(entry -> RotationChecks.wrap(entry.getValue(), participant) != null)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static RecipientWrap wrapOf(Envelope envelope, String participant) {
        RecipientWrap wrap = RotationChecks.wrap(envelope, participant);
        assertThat(wrap).as(participant + " in " + envelope.getTransactionId()).isNotNull();
        return wrap;
    }

    private static Map<String, Envelope> envelopes() {
        return CommittedTopic.read(
                        stack.bootstrapServers(),
                        DemoCommand.topics().envelopes(),
                        serdes.envelope().deserializer())
                .latest();
    }

    private static List<AccessEvent> rewrappedEventsOf(String participant) {
        return RotationChecks.rewrappedEvents(stack, serdes, participant);
    }

    private static String status(String participant, int version) {
        return RotationChecks.status(operator, participant, version);
    }

    /** The processor's {@code ctx_rewrap_rewrapped_total} of {@code participant}, from its Prometheus endpoint. */
    private static double rewrappedSoFar(String participant) {
        try {
            String body = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.metricsPort() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return body.lines()
                    .filter(line -> line.startsWith("ctx_rewrap_rewrapped_total{")
                            && line.contains("participant=\"" + participant + "\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        RotationChecks.await(what, condition);
    }
}
