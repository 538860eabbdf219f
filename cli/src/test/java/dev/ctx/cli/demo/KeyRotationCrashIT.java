package dev.ctx.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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

import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.envelope.Recipient;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.config.RewrapKeys;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
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
            Map<String, String> config = stack.processorConfig(escrow, crashFriendly(stack));
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
            // no lost envelope, everything of the participant on the new version, the others untouched
            Map<String, Envelope> latest = RotationChecks.envelopes(stack, serdes);
            assertThat(latest.keySet()).isEqualTo(first.keySet());
            for (String id : latest.keySet()) {
                Envelope next = latest.get(id);
                if (alices.contains(id)) {
                    assertThat(RotationChecks.wrap(next, ALICE).getKeyVersion())
                            .as(id)
                            .isEqualTo(2);
                    assertThat(next.getGeneration())
                            .as(id)
                            .isEqualTo(first.get(id).getGeneration() + 1);
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
    }

    private static TopologySerdes startKeyServiceAndRegister(DemoStack stack) throws Exception {
        stack.startKafka();
        stack.startRegistry();
        stack.startKeyService();
        KeyServiceClient operator = operator(stack);
        for (String id : PARTICIPANTS) {
            operator.registerParticipant(id, "miner", List.of("settlement"));
            operator.createKey(id);
        }
        return DemoCommand.serdes(stack.registryUrl());
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
    private static Map<String, String> crashFriendly(DemoStack stack) {
        Map<String, String> config = new HashMap<>();
        config.put(ProcessorConfig.METRICS_PORT_CONFIG, "0");
        config.put(RewrapKeys.URL_CONFIG, stack.keyServiceUrl());
        config.put(RewrapKeys.INTERVAL_MS_CONFIG, "200");
        config.put(RewrapKeys.BATCH_SIZE_CONFIG, "20");
        config.put("streams.commit.interval.ms", "1000");
        config.put("streams.consumer.session.timeout.ms", "6000");
        config.put("streams.consumer.heartbeat.interval.ms", "1000");
        config.put("streams.producer.transaction.timeout.ms", "5000");
        return config;
    }
}
