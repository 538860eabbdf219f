package dev.ctx.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.local.LocalTokens;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.config.RewrapKeys;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;
import dev.ctx.testkit.kafka.BrokerProperties;

/**
 * The rotation job survives a SIGKILL mid-job (issue 14): a forked processor JVM (both topologies) rewrapping a
 * rotated participant's envelopes is killed after some rewraps committed, a new JVM on the same application ids and
 * state directory finishes the job. Same end state as without the crash, no generation written twice, no envelope
 * lost, exactly one REWRAPPED event per written generation, and the old version retired by the job.
 */
class KeyRotationCrashIT {

    private static final String ALICE = "miner-1";
    private static final List<String> PARTICIPANTS = List.of(ALICE, "client-1", "miner-2");
    private static final List<String> UNROTATED = List.of("client-1", "miner-2", Recipient.ESCROW_ID);
    private static final int TRANSACTIONS = 5_000;
    private static final int KILL_AFTER_REWRAPS = 300;

    @TempDir
    Path dir;

    @Test
    void aProcessorKilledMidJobAndRestartedEndsInTheSameStateWithoutDuplicateOrLostGenerations() throws Exception {
        try (DemoStack stack = new DemoStack(
                        dir.resolve("stack"), new DemoPorts(BrokerProperties.freeLoopbackPortPair(), 0, 0, 0));
                TopologySerdes serdes = startKeyServiceAndRegister(stack)) {
            // Given: 5,000 sealed transactions, a forked processor with the rewrap job on
            KeyServiceClient operator = operator(stack);
            String escrow = operator.createEscrowKey().path("fingerprint").asText();
            Map<String, String> config = stack.processorConfig(escrow, crashFriendly(stack.keyServiceUrl()));
            Map<String, String> env = Map.of(
                    "CTX_REWRAP_KEY_SERVICE_TOKEN", stack.issueToken("rewrap-job", "operator", Duration.ofHours(1)));
            Map<String, Envelope> first;
            List<String> alices;
            try (ForkedProcessorJvm doomed = ForkedProcessorJvm.start(dir.resolve("doomed"), config, env)) {
                RotationChecks.await("the forked processor created its topics", () -> topicsCreated(stack));
                produce(stack);
                RotationChecks.await(
                        "5,000 envelopes",
                        () -> RotationChecks.envelopes(stack, serdes).size() == TRANSACTIONS);
                first = RotationChecks.envelopes(stack, serdes);
                alices = first.keySet().stream()
                        .filter(id -> RotationChecks.wrap(first.get(id), ALICE) != null)
                        .toList();

                // When: rotated, then killed once some rewraps committed
                operator.rotateKey(ALICE);
                RotationChecks.await(
                        KILL_AFTER_REWRAPS + " rewraps committed",
                        () -> RotationChecks.rewrappedEvents(stack, serdes, ALICE)
                                        .size()
                                >= KILL_AFTER_REWRAPS);
                assertThat(doomed.isAlive()).isTrue();
                doomed.kill();
            }
            int committedAtKill =
                    RotationChecks.rewrappedEvents(stack, serdes, ALICE).size();
            try (ForkedProcessorJvm survivor = ForkedProcessorJvm.start(dir.resolve("survivor"), config, env)) {
                RotationChecks.await(
                        ALICE + " v1 retired by the job",
                        () -> RotationChecks.status(operator, ALICE, 1).equals("retired"));
            }

            // Then: killed mid-job
            assertThat(committedAtKill).isBetween(KILL_AFTER_REWRAPS, alices.size() - 1);
            assertSameEndStateAsWithoutACrash(stack, serdes, first, alices);
        }
    }

    @Test
    void aKeyServiceKilledMidJobAndRestartedOnItsDataEndsInTheSameStateWithOneRotationAndNoLostVersion()
            throws Exception {
        try (DemoStack stack =
                new DemoStack(dir.resolve("stack"), new DemoPorts(BrokerProperties.freeLoopbackPortPair(), 0, 0, 0))) {
            // Given: a forked key service (its KEK, token secret and lookup state in one directory), 5,000 sealed
            // transactions and a forked processor with the rewrap job on
            stack.startKafka();
            stack.startRegistry();
            TopologySerdes serdes = DemoCommand.serdes(stack.registryUrl());
            Path keyServiceDir = dir.resolve("key-service");
            int port = BrokerProperties.freeLoopbackPort();
            Map<String, String> keyServiceConfig = Map.of(
                    "kafka.bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.registryUrl());
            LocalTokens tokens = LocalTokens.inDirectory(keyServiceDir);
            ForkedKeyServiceJvm doomed = ForkedKeyServiceJvm.start(keyServiceDir, port, keyServiceConfig, "first.log");
            try (doomed) {
                KeyServiceClient operator =
                        new KeyServiceClient(doomed.url(), tokens.issue("operator-1", "operator", Duration.ofHours(1)));
                register(operator);
                String escrow = operator.createEscrowKey().path("fingerprint").asText();
                Map<String, String> config =
                        stack.processorConfig(keyringSigningKey(doomed.url()), escrow, crashFriendly(doomed.url()));
                Map<String, String> env = Map.of(
                        "CTX_REWRAP_KEY_SERVICE_TOKEN", tokens.issue("rewrap-job", "operator", Duration.ofHours(1)));
                try (ForkedProcessorJvm processor = ForkedProcessorJvm.start(dir.resolve("processor"), config, env)) {
                    RotationChecks.await("the forked processor created its topics", () -> topicsCreated(stack));
                    produce(stack);
                    RotationChecks.await(
                            "5,000 envelopes",
                            () -> RotationChecks.envelopes(stack, serdes).size() == TRANSACTIONS);
                    Map<String, Envelope> first = RotationChecks.envelopes(stack, serdes);
                    List<String> alices = first.keySet().stream()
                            .filter(id -> RotationChecks.wrap(first.get(id), ALICE) != null)
                            .toList();

                    // When: rotated, the key service SIGKILLed once some rewraps committed, down for a while (the job's
                    // calls fail meanwhile), then restarted on the same directory and port
                    operator.rotateKey(ALICE);
                    RotationChecks.await(
                            KILL_AFTER_REWRAPS + " rewraps committed",
                            () -> RotationChecks.rewrappedEvents(stack, serdes, ALICE)
                                            .size()
                                    >= KILL_AFTER_REWRAPS);
                    doomed.kill();
                    int committedAtKill =
                            RotationChecks.rewrappedEvents(stack, serdes, ALICE).size();
                    Thread.sleep(3_000);
                    try (ForkedKeyServiceJvm survivor =
                            ForkedKeyServiceJvm.start(keyServiceDir, port, keyServiceConfig, "second.log")) {
                        RotationChecks.await(
                                ALICE + " v1 retired by the job",
                                () -> RotationChecks.status(operator, ALICE, 1).equals("retired"));
                        assertThat(processor.isAlive())
                                .as("the processor rode out the outage")
                                .isTrue();

                        // Then: killed mid-job, and the job finished as if nothing had happened
                        assertThat(committedAtKill).isBetween(KILL_AFTER_REWRAPS, alices.size() - 1);
                        assertSameEndStateAsWithoutACrash(stack, serdes, first, alices);
                        // no key version lost or duplicated: v1 retired, v2 current, one rotation in the log
                        assertThat(operator.keys(ALICE).path("keys"))
                                .extracting(key -> key.path("version").asInt() + ":"
                                        + key.path("status").asText())
                                .containsExactlyInAnyOrder("1:retired", "2:active");
                        assertThat(keyEvents(stack, serdes, AccessEventType.KEY_ROTATED))
                                .hasSize(1);
                        assertThat(keyEvents(stack, serdes, AccessEventType.KEY_RETIRED))
                                .hasSize(1);
                    }
                }
            }
        }
    }

    /** The key service's committed events of {@code type} about {@link #ALICE}. */
    private static List<AccessEvent> keyEvents(DemoStack stack, TopologySerdes serdes, AccessEventType type) {
        return CommittedTopic.read(
                        stack.bootstrapServers(),
                        DemoCommand.topics().accessEvents(),
                        serdes.accessEvent().deserializer())
                .values()
                .stream()
                .filter(event -> event.getType() == type && ALICE.equals(event.getSubject()))
                .toList();
    }

    /** The keyring-signing key the service publishes (no credentials: processors pin it). */
    private static Ed25519VerifyingKey keyringSigningKey(String url) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/v1/keyring-signing-key"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String publicKey =
                new ObjectMapper().readTree(answer.body()).path("publicKey").asText();
        return Ed25519VerifyingKey.of(Base64.getDecoder().decode(publicKey));
    }

    /**
     * No lost envelope, everything of {@link #ALICE} on the new version and everything else untouched, no generation
     * committed twice, exactly one REWRAPPED event per written generation.
     */
    private static void assertSameEndStateAsWithoutACrash(
            DemoStack stack, TopologySerdes serdes, Map<String, Envelope> first, List<String> alices) {
        // no lost envelope, everything of the participant on the new version, the others untouched
        Map<String, Envelope> latest = RotationChecks.envelopes(stack, serdes);
        assertThat(latest.keySet()).isEqualTo(first.keySet());
        for (String id : latest.keySet()) {
            Envelope next = latest.get(id);
            if (alices.contains(id)) {
                assertThat(RotationChecks.wrap(next, ALICE).getKeyVersion())
                        .as(id)
                        .isEqualTo(2);
                assertThat(next.getGeneration()).as(id).isEqualTo(first.get(id).getGeneration() + 1);
                for (String other : UNROTATED) {
                    assertThat(RotationChecks.wrap(next, other))
                            .as(id + " " + other)
                            .isEqualTo(RotationChecks.wrap(first.get(id), other));
                }
            } else {
                assertThat(next).as(id).isEqualTo(first.get(id));
            }
        }
        // no generation committed twice: one record per (transaction, generation) in the committed log
        Map<String, Long> perGeneration = CommittedTopic.read(
                        stack.bootstrapServers(),
                        DemoCommand.topics().envelopes(),
                        serdes.envelope().deserializer())
                .values()
                .stream()
                .collect(Collectors.groupingBy(
                        envelope -> envelope.getTransactionId() + "/" + envelope.getGeneration(),
                        Collectors.counting()));
        assertThat(perGeneration).hasSize(TRANSACTIONS + alices.size());
        assertThat(perGeneration.values()).containsOnly(1L);
        // exactly one REWRAPPED event per written generation
        List<AccessEvent> events = RotationChecks.rewrappedEvents(stack, serdes, null);
        assertThat(events).hasSize(alices.size());
        assertThat(events.stream().map(AccessEvent::getTransactionId).distinct())
                .hasSize(alices.size());
        assertThat(events.stream()
                        .map(event -> event.getAttributes().get("generation"))
                        .distinct())
                .containsOnly("2");
    }

    private static TopologySerdes startKeyServiceAndRegister(DemoStack stack) throws Exception {
        stack.startKafka();
        stack.startRegistry();
        stack.startKeyService();
        register(operator(stack));
        return DemoCommand.serdes(stack.registryUrl());
    }

    private static void register(KeyServiceClient operator) throws Exception {
        for (String id : PARTICIPANTS) {
            operator.registerParticipant(id, "miner", List.of("settlement"));
            operator.createKey(id);
        }
    }

    private static boolean topicsCreated(DemoStack stack) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).contains("rewrap.progress");
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeyServiceClient operator(DemoStack stack) {
        return stack.operatorClient(stack.issueToken("operator-1", "operator", Duration.ofHours(1)));
    }

    private static void produce(DemoStack stack) throws Exception {
        try (TransactionProducer producer = DemoCommand.producer(stack)) {
            producer.produce(
                    new TransactionGenerator(
                                    GeneratorSettings.benchmarkDefault("crash")
                                            .withParticipants(PARTICIPANTS, 2, 3)
                                            .withConfidentialRatio(1.0),
                                    41L)
                            .asIterator(),
                    TRANSACTIONS,
                    0,
                    sent -> {});
        }
    }

    /** Small batches (so the job lasts long enough to be killed in), commits every second, a quick takeover. */
    private static Map<String, String> crashFriendly(String keyServiceUrl) {
        Map<String, String> config = new HashMap<>();
        config.put(ProcessorConfig.METRICS_PORT_CONFIG, "0");
        config.put(RewrapKeys.URL_CONFIG, keyServiceUrl);
        config.put(RewrapKeys.INTERVAL_MS_CONFIG, "200");
        config.put(RewrapKeys.BATCH_SIZE_CONFIG, "20");
        config.put("streams.commit.interval.ms", "1000");
        config.put("streams.consumer.session.timeout.ms", "6000");
        config.put("streams.consumer.heartbeat.interval.ms", "1000");
        config.put("streams.producer.transaction.timeout.ms", "5000");
        return config;
    }
}
