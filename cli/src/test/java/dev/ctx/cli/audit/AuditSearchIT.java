package dev.ctx.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.auditlog.CanonicalAccessEvent;
import dev.ctx.schemas.auditlog.ChainHash;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.auditlog.Sha256;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.testkit.kafka.SharedKafka;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * {@code ctx audit search} and {@code report} against the real embedded broker: sealed entries written as the sealer
 * writes them (Confluent Avro {@code SealedAccessEvent}, key = event id, chained per partition, transactional), one
 * of them in an aborted transaction that an auditor must not see.
 */
class AuditSearchIT {

    private static final int PARTITIONS = 2;

    private static SchemaRegistryServer registry;
    private static String topic;
    private static AccessEvent aborted;

    @TempDir
    Path dir;

    @BeforeAll
    static void sealALog() throws Exception {
        registry = SchemaRegistryServer.builder().build().start();
        topic = SharedKafka.uniqueName("access-log");
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty())))
                    .all()
                    .get();
        }
        List<AuditEntry> events = new AuditEntries()
                .access(0, "auditor-1", "settlement", "txn-1", AccessOutcome.GRANTED, null)
                .access(5, "auditor-2", "settlement", "txn-1", AccessOutcome.DENIED, "NO_GRANT")
                .access(10, "auditor-1", "dispute", "txn-2", AccessOutcome.GRANTED, null)
                .escrowOpen(20, "esc-1", "CASE-1", "officer-a,officer-b", "txn-3")
                .access(60 * 24 * 3, "auditor-3", "settlement", "txn-4", AccessOutcome.GRANTED, null)
                .list();
        aborted = new AuditEntries()
                .access(15, "auditor-1", "settlement", "txn-1", AccessOutcome.GRANTED, null)
                .list()
                .get(0)
                .event();
        byte[][] heads = new byte[PARTITIONS][];
        long[] sequences = new long[PARTITIONS];
        try (KafkaProducer<String, SealedAccessEvent> producer = producer()) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < events.size(); i++) {
                send(producer, events.get(i).event(), i % PARTITIONS, heads, sequences);
            }
            producer.commitTransaction();
            producer.beginTransaction();
            send(producer, aborted, 0, heads.clone(), sequences.clone());
            producer.flush();
            producer.abortTransaction();
        }
    }

    @AfterAll
    static void stopTheRegistry() {
        registry.close();
    }

    @Test
    void searchByTxnPrintsItsCommittedEntriesOnlyNewestLast() {
        // When
        Result result = ctx("audit", "search", "--txn", "txn-1");

        // Then
        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("2026-12-01T08:00:00Z", "ACCESS_GRANTED", "auditor-1", "txn-1");
        assertThat(lines.get(2)).contains("2026-12-01T08:05:00Z", "ACCESS_DENIED", "auditor-2", "NO_GRANT");
        assertThat(lines.get(3)).isEqualTo("2 entries");
        assertThat(result.out()).doesNotContain("08:15:00Z");
    }

    @Test
    void searchByRequesterSinceAndTypeCombine() {
        // When
        Result byRequester = ctx("audit", "search", "--requester", "auditor-1");
        Result sinceAndType = ctx(
                "audit",
                "search",
                "--since",
                "2026-12-01T08:01:00Z",
                "--until",
                "2026-12-02",
                "--type",
                "ESCROW_OPENED,ACCESS_DENIED");

        // Then
        assertThat(byRequester.out()).contains("txn-1", "txn-2", "2 entries").doesNotContain("auditor-2");
        assertThat(sinceAndType.out())
                .contains("ACCESS_DENIED", "ESCROW_OPENED", "2 entries")
                .doesNotContain("auditor-3");
    }

    @Test
    void searchAsJsonLinesCarriesTheChainCoordinates() throws Exception {
        // When
        Result result = ctx("audit", "search", "--since", "2026-12-01", "--json");

        // Then
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).contains("\"requester\":\"auditor-3\"", "\"partition\":0", "\"sequence\":2");
    }

    @Test
    void searchWithoutACriterionIsAUsageError() {
        // When
        Result result = ctx("audit", "search", "--until", "2026-12-02");

        // Then
        assertThat(result.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("give at least one of --txn, --requester, --since");
    }

    @Test
    void aMissingTopicFailsWithItsName() {
        // When
        Result result = ctx("audit", "search", "--since", "P7D", "--topic", "no-such-log", "--timeout", "5");

        // Then
        assertThat(result.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("no-such-log");
    }

    @Test
    void reportWritesOneHtmlFileOverTheWindow() throws Exception {
        // Given
        Path html = dir.resolve("report.html");

        // When
        Result result =
                ctx("audit", "report", "--since", "2026-12-01", "--until", "2026-12-02", "--html", html.toString());

        // Then
        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("4 events, 4 access decisions, 1 escrow opens; chain not checked");
        assertThat(Files.readString(html, StandardCharsets.UTF_8))
                .contains("data-verdict=\"NOT_CHECKED\"", "CASE-1", "officer-a,officer-b", topic)
                .doesNotContain("auditor-3");
    }

    private static void send(
            KafkaProducer<String, SealedAccessEvent> producer,
            AccessEvent event,
            int partition,
            byte[][] heads,
            long[] sequences) {
        byte[] canonical = CanonicalAccessEvent.encode(event);
        byte[] prev = heads[partition] == null ? ChainHash.genesis(partition) : heads[partition];
        byte[] hash = ChainHash.next(prev, canonical);
        SealedAccessEvent sealed = SealedAccessEvent.newBuilder()
                .setFormatVersion(CanonicalAccessEvent.FORMAT_VERSION)
                .setPartition(partition)
                .setSequence(sequences[partition]++)
                .setEventId(event.getEventId())
                .setPrevHash(new Sha256(prev))
                .setHash(new Sha256(hash))
                .setEvent(ByteBuffer.wrap(canonical))
                .setSealedAt(Instant.now())
                .setSourceOffset(sequences[partition])
                .build();
        heads[partition] = hash;
        producer.send(new ProducerRecord<>(topic, partition, event.getEventId(), sealed));
    }

    private static KafkaProducer<String, SealedAccessEvent> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedKafka.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "audit-search-it-" + System.nanoTime()),
                new StringSerializer(),
                ConfluentAvroSerdes.forClass(
                                SealedAccessEvent.class, Map.of("schema.registry.url", registry.url()), false)
                        .serializer());
    }

    private record Result(int exit, String out, String err) {}

    private static Result ctx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", SharedKafka.bootstrapServers(), "--registry-url", registry.url()));
        if (!all.contains("--topic")) {
            all.addAll(List.of("--topic", topic));
        }
        return new Result(commandLine.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }
}
