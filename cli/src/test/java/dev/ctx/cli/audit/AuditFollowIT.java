package dev.ctx.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.testkit.auditlog.AccessLogFixture;
import dev.ctx.testkit.auditlog.FixtureSigner;
import dev.ctx.testkit.kafka.SharedKafka;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * {@code ctx audit verify --follow --metrics-port N} against the real embedded broker and registry: the log is
 * written in steps as the sealer writes it (two partitions, a checkpoint after every 20th entry) while the follower
 * runs, and its metrics are scraped over HTTP after each step.
 */
class AuditFollowIT {

    private static final FixtureSigner SIGNER = FixtureSigner.generate("audit-signer-1");
    private static final AccessLogFixture LOG = AccessLogFixture.seal(2, 100, 20, SIGNER);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern PORT = Pattern.compile("metrics on http://[^:]+:(\\d+)/metrics");
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
    void theFollowerVerifiesNewEntriesAndCheckpointsAndReportsABreakWhileTheOtherPartitionAdvances() throws Exception {
        // Given: sequences 0..59 and their three checkpoints on both partitions, and a follower on them
        String[] topics = createTopics();
        for (int partition : LOG.partitions()) {
            append(topics, LOG, partition, 0, 60, 0, 3);
        }
        Follower follower = Follower.start(topics);
        try {
            String caughtUp = follower.scrapeUntil(m -> value(m, "ctx_audit_verified_sequence", "0") == 59
                    && value(m, "ctx_audit_verified_sequence", "1") == 59);
            assertThat(value(caughtUp, "ctx_audit_entries_verified_total", "0")).isEqualTo(60);
            assertThat(value(caughtUp, "ctx_audit_checkpoints_verified_total", "1"))
                    .isEqualTo(3);
            assertThat(value(caughtUp, "ctx_audit_chain_broken", "0")).isZero();
            assertThat(value(caughtUp, "ctx_audit_chain_broken", "1")).isZero();
            assertThat(value(caughtUp, "ctx_audit_checkpoint_age_seconds", "0")).isPositive();

            // When: 20 more clean entries and the checkpoint over them on both partitions
            for (int partition : LOG.partitions()) {
                append(topics, LOG, partition, 60, 80, 3, 4);
            }

            // Then
            String advanced = follower.scrapeUntil(m -> value(m, "ctx_audit_checkpoints_verified_total", "0") == 4
                    && value(m, "ctx_audit_checkpoints_verified_total", "1") == 4
                    && value(m, "ctx_audit_verifier_lag", "0") == 0
                    && value(m, "ctx_audit_verifier_lag", "1") == 0);
            assertThat(value(advanced, "ctx_audit_verified_sequence", "0")).isEqualTo(79);
            assertThat(value(advanced, "ctx_audit_verified_offset", "1")).isEqualTo(79);
            assertThat(value(advanced, "ctx_audit_entries_verified_total", "1")).isEqualTo(80);

            // When: a modified event at sequence 80 of partition 1, ten clean entries on partition 0
            append(topics, LOG.withModifiedEvent(1, 80), 1, 80, 81, 4, 4);
            append(topics, LOG, 0, 80, 90, 4, 4);

            // Then: partition 1 is broken at offset 80, partition 0 verified on
            String broken = follower.scrapeUntil(m ->
                    value(m, "ctx_audit_chain_broken", "1") == 1 && value(m, "ctx_audit_verified_sequence", "0") == 89);
            assertThat(value(broken, "ctx_audit_chain_break_offset", "1")).isEqualTo(80);
            assertThat(broken)
                    .containsPattern("ctx_audit_chain_break\\{kind=\"MODIFIED_EVENT\",partition=\"1\",topic=\""
                            + topics[0] + "\"} 1");
            assertThat(value(broken, "ctx_audit_chain_broken", "0")).isZero();
            assertThat(value(broken, "ctx_audit_chain_valid", "1")).isZero();
            assertThat(value(broken, "ctx_audit_verified_sequence", "1")).isEqualTo(79);
            assertThat(value(broken, "ctx_audit_entries_verified_total", "0")).isEqualTo(90);
        } finally {
            follower.stop();
        }
        // And: it stops cleanly on an interrupt, exits "broken" and names the coordinates, never the event
        assertThat(follower.exit()).as(follower.out()).isEqualTo(AuditExitCodes.BROKEN);
        assertThat(follower.out())
                .contains("caught up with the log; following")
                .contains("BROKEN MODIFIED_EVENT at " + topics[0] + "/1@80")
                .doesNotContain("someone-else");
    }

    @Test
    void followingNeedsAMetricsPortAndABroker() {
        assertThat(Follower.run("audit", "verify", "--follow", "--signing-keys", keys.toString()))
                .isEqualTo(2);
        assertThat(Follower.run(
                        "audit", "verify", "--metrics-port", "0", "--signing-keys", keys.toString(), "--file", "x"))
                .isEqualTo(2);
    }

    /** The value of {@code name{partition="p"}} in a scrape, NaN when absent. */
    private static double value(String scrape, String name, String partition) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{partition=\"" + partition + "\"} (\\S+)$")
                .matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    private static String[] createTopics() throws InterruptedException, ExecutionException {
        String entries = SharedKafka.uniqueName("access-log");
        String checkpoints = entries + ".checkpoints";
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(entries, 2, (short) 1), new NewTopic(checkpoints, 2, (short) 1)))
                    .all()
                    .get();
        }
        return new String[] {entries, checkpoints};
    }

    /** Appends entries [from, to) and then checkpoints [fromCheckpoint, toCheckpoint) of {@code partition}. */
    private static void append(
            String[] topics,
            AccessLogFixture log,
            int partition,
            int from,
            int to,
            int fromCheckpoint,
            int toCheckpoint)
            throws Exception {
        Map<String, Object> serde = Map.of("schema.registry.url", registry.url());
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (ConfluentAvroSerde<SealedAccessEvent> entrySerde =
                        ConfluentAvroSerdes.forClass(SealedAccessEvent.class, serde, false);
                ConfluentAvroSerde<AccessLogCheckpoint> checkpointSerde =
                        ConfluentAvroSerdes.forClass(AccessLogCheckpoint.class, serde, false);
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (AccessLogFixture.LoggedEntry entry : log.entries(partition).subList(from, to)) {
                sent.add(producer.send(new ProducerRecord<>(
                        topics[0], partition, entry.key(), entrySerde.serialize(topics[0], entry.value()))));
            }
            for (AccessLogFixture.LoggedCheckpoint checkpoint :
                    log.checkpoints(partition).subList(fromCheckpoint, toCheckpoint)) {
                sent.add(producer.send(new ProducerRecord<>(
                        topics[1],
                        partition,
                        checkpoint.key(),
                        checkpointSerde.serialize(topics[1], checkpoint.value()))));
            }
            for (Future<RecordMetadata> future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code ctx audit verify --follow} on a thread of its own, stopped by an interrupt (as Ctrl-C stops it). */
    private static final class Follower {

        private final Thread thread;
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final AtomicInteger exit = new AtomicInteger(-1);
        private final HttpClient http = HttpClient.newHttpClient();
        private int port = -1;

        private Follower(String[] topics) {
            CommandLine commandLine = Ctx.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            String[] args = {
                "audit",
                "verify",
                "--follow",
                "--metrics-port",
                "0",
                "--metrics-host",
                "127.0.0.1",
                "--signing-keys",
                keys.toString(),
                "--bootstrap-server",
                SharedKafka.bootstrapServers(),
                "--registry-url",
                registry.url(),
                "--entries-topic",
                topics[0],
                "--checkpoints-topic",
                topics[1]
            };
            thread = new Thread(() -> exit.set(commandLine.execute(args)), "audit-follow-it");
        }

        static Follower start(String[] topics) {
            Follower follower = new Follower(topics);
            follower.thread.start();
            return follower;
        }

        static int run(String... args) {
            CommandLine commandLine = Ctx.commandLine();
            commandLine.setOut(new PrintWriter(new StringWriter(), true));
            commandLine.setErr(new PrintWriter(new StringWriter(), true));
            return commandLine.execute(args);
        }

        /** Scrapes until {@code done} holds for a scrape (bounded by {@link #WAIT}); that scrape. */
        String scrapeUntil(Predicate<String> done) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            String last = "";
            while (System.nanoTime() < deadline) {
                Optional<String> scrape = scrape();
                if (scrape.isPresent()) {
                    last = scrape.get();
                    if (done.test(last)) {
                        return last;
                    }
                }
                assertThat(thread.isAlive())
                        .as("the follower runs: " + out + err)
                        .isTrue();
                TimeUnit.MILLISECONDS.sleep(100);
            }
            throw new AssertionError("metrics did not reach the expected state within " + WAIT + ":\n" + last
                    + "\nout:\n" + out + "\nerr:\n" + err);
        }

        private Optional<String> scrape() throws IOException, InterruptedException {
            if (port < 0) {
                Matcher matcher = PORT.matcher(err.toString());
                if (!matcher.find()) {
                    return Optional.empty();
                }
                port = Integer.parseInt(matcher.group(1));
            }
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return Optional.of(response.body());
        }

        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("the follower stopped").isFalse();
        }

        int exit() {
            return exit.get();
        }

        String out() {
            return out.toString();
        }
    }
}
