package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.client.auditlog.AccessLogVerifier;
import dev.ctx.client.auditlog.PartitionSummary;
import dev.ctx.client.auditlog.VerificationReport;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.testing.ForkedProcessor;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.SealedAccessLog;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.processor.topics.AuditTopicNames;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventBuilder;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * The access-log sealer across crashes (issue 15): a processor JVM running the sealer is SIGKILLed {@value #KILLS}
 * times while its Kafka transaction on {@code access-log} is open, and restarted on the same sealer application and
 * state directory while access events keep arriving, every {@value #REPEAT_EVERY}th one a re-delivery of an earlier
 * event id; a last in-process instance takes over. The committed log then verifies with {@link AccessLogVerifier}
 * (one unbroken chain per partition, sequences from 0 without a gap) and holds every distinct event id exactly once.
 * Checkpoints are off (no key service): this is about the chain, not its signatures.
 */
class SealerCrashIT {

    private static final int KILLS = 2;
    private static final int BACKLOG = 1_000;
    private static final int AFTER_CRASHES = 300;
    /** Events added every 100 ms until the last kill, so each doomed instance has a transaction open to be killed. */
    private static final int FEED = 20;

    private static final int REPEAT_EVERY = 7;

    @TempDir
    Path dir;

    private final Set<String> distinctIds = ConcurrentHashMap.newKeySet();
    private final List<AccessEvent> sent = new ArrayList<>();
    private final AtomicInteger produced = new AtomicInteger();
    private final AtomicInteger sendFailures = new AtomicInteger();

    @Test
    void killedSealersLeaveOneUnbrokenChainPerPartitionWithEveryDistinctEventOnce() throws Exception {
        try (SchemaRegistryServer registry =
                        SchemaRegistryServer.builder().build().start();
                ProcessorFixture fixture = new ProcessorFixture(registry.url(), List.of("client-1")).prepare()) {
            // Given
            SealedAccessLog log = SealedAccessLog.provision(fixture, registry.url(), 3);
            AuditTopicNames audit = log.topics();
            try (KafkaProducer<String, AccessEvent> producer = producer(fixture)) {
                produce(producer, fixture, BACKLOG);
                ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
                feeder.scheduleWithFixedDelay(() -> produce(producer, fixture, FEED), 0, 100, TimeUnit.MILLISECONDS);
                try {
                    // When: killed again and again while a transaction is open on the access log
                    killRepeatedly(fixture, log);
                } finally {
                    feeder.shutdown();
                    assertThat(feeder.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                }
                produce(producer, fixture, AFTER_CRASHES);
            }
            try (ProcessorApplication survivor =
                    ProcessorApplication.start(ProcessorConfig.of(sealerConfig(fixture, log, "survivor")))) {
                int distinct = distinctIds.size();
                assertThat(produced.get()).as("re-deliveries were sent").isGreaterThan(distinct);
                assertThat(TopicReader.readAll(
                                fixture.bootstrap,
                                audit.accessLog(),
                                IsolationLevel.READ_COMMITTED,
                                distinct,
                                ProcessorFixture.TIMEOUT))
                        .as("committed access-log entries")
                        .hasSize(distinct);

                // Then
                SealedAccessLog.Verified verified = log.verify();
                VerificationReport report = verified.report();
                Map<String, Integer> sealedTimes = verified.sealedTimes();
                assertThat(report.breaks()).as("chain breaks").isEmpty();
                assertThat(report.valid()).isTrue();
                assertThat(report.entries()).isEqualTo(distinct);
                assertThat(report.partitions())
                        .hasSize(3)
                        .allSatisfy(partition -> assertThat(partition)
                                .returns(0L, PartitionSummary::firstSequence)
                                .returns(partition.entries() - 1, PartitionSummary::lastSequence));
                assertThat(sealedTimes.keySet())
                        .as("every distinct event id sealed")
                        .isEqualTo(distinctIds);
                assertThat(sealedTimes.values()).as("each sealed once").containsOnly(1);
                assertThat(survivor.state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
        }
    }

    /**
     * {@value #KILLS} times: starts {@code ProcessorMain} with the sealer in a child JVM on the same sealer application
     * and state directory, waits until the previous instance's open transaction is resolved and this one committed
     * entries of its own, then until it has a transaction open on the access log, and SIGKILLs it.
     */
    private void killRepeatedly(ProcessorFixture fixture, SealedAccessLog log) throws InterruptedException {
        String topic = log.topics().accessLog();
        int committed = 0;
        Map<TopicPartition, Long> writtenAtKill = Map.of();
        for (int kill = 1; kill <= KILLS; kill++) {
            try (ForkedProcessor doomed =
                    ForkedProcessor.start(dir.resolve("doomed-" + kill), sealerConfig(fixture, log, "doomed"))) {
                committed = TopicReader.readAll(
                                fixture.bootstrap,
                                topic,
                                IsolationLevel.READ_COMMITTED,
                                committed + 1,
                                ProcessorFixture.TIMEOUT)
                        .size();
                TopicReader.awaitResolved(fixture.bootstrap, topic, writtenAtKill, ProcessorFixture.TIMEOUT);
                TopicReader.awaitOpenTransaction(fixture.bootstrap, topic, ProcessorFixture.TIMEOUT);
                doomed.kill();
                writtenAtKill = TopicReader.endOffsets(fixture.bootstrap, topic, IsolationLevel.READ_UNCOMMITTED);
            }
        }
    }

    /** The processor with the sealer on, committing every 2 s and taking over quickly after a crash. */
    private static Map<String, String> sealerConfig(ProcessorFixture fixture, SealedAccessLog log, String instanceId) {
        return log.withSealer(fixture.crashTolerantConfig(instanceId, Duration.ofSeconds(2)));
    }

    /** Sends {@code count} events keyed by event id, every {@value #REPEAT_EVERY}th a re-delivery of an earlier one. */
    private synchronized void produce(
            KafkaProducer<String, AccessEvent> producer, ProcessorFixture fixture, int count) {
        for (int i = 0; i < count; i++) {
            int n = produced.getAndIncrement();
            AccessEvent event;
            if (n % REPEAT_EVERY == REPEAT_EVERY - 1) {
                event = sent.get((n * 31) % sent.size());
            } else {
                event = AccessEventBuilder.of(
                                AccessEventType.ACCESS_GRANTED,
                                AccessOutcome.GRANTED,
                                "key-service/crash-it",
                                Instant.ofEpochMilli(1_767_225_600_000L + n))
                        .setRequester("auditor-1")
                        .setTransactionId("txn-" + n)
                        .setEventIdFromName("crash-it-" + n)
                        .build();
                sent.add(event);
                distinctIds.add(event.getEventId());
            }
            producer.send(new ProducerRecord<>(fixture.topics.accessEvents(), event.getEventId(), event), (m, e) -> {
                if (e != null) {
                    sendFailures.incrementAndGet();
                }
            });
        }
        producer.flush();
        // a record the broker did not take fails the test here, not as a missing sequence number later
        assertThat(sendFailures.get())
                .as("records the broker did not acknowledge")
                .isZero();
    }

    private static KafkaProducer<String, AccessEvent> producer(ProcessorFixture fixture) {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(
                config, new StringSerializer(), fixture.serdes.accessEvent().serializer());
    }
}
