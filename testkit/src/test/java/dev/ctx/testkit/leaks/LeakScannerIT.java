package dev.ctx.testkit.leaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.testkit.kafka.SharedKafka;

/** The leak scanner finds what is planted wherever it is planted, in every form, and nothing where nothing is. */
class LeakScannerIT {

    private static final String MARKER = "SECRET-tx-42";
    private static final byte[] KEK = HexFormat.of().parseHex("00112233445566778899aabbccddeeff0123456789abcdef");
    private static final String PREFIX = SharedKafka.uniqueName("leak-scan");
    private static final String CLEAN = PREFIX + "-clean";
    private static final String COMMITTED = PREFIX + "-committed";
    private static final String ABORTED = PREFIX + "-aborted";
    private static final String bootstrap = SharedKafka.bootstrapServers();

    @TempDir
    Path dir;

    @BeforeAll
    static void plantInTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic(CLEAN, 2, (short) 1),
                            new NewTopic(COMMITTED, 2, (short) 1),
                            new NewTopic(ABORTED, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = producer(null)) {
            producer.send(record(CLEAN, "nothing to see")).get(30, TimeUnit.SECONDS);
            // the KEK base64-encoded one byte into a longer value, in a header
            ProducerRecord<byte[], byte[]> withHeader = record(COMMITTED, "clear value");
            byte[] shifted = new byte[KEK.length + 1];
            System.arraycopy(KEK, 0, shifted, 1, KEK.length);
            withHeader.headers().add("wrapped", Base64.getEncoder().encode(shifted));
            producer.send(withHeader).get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = producer(PREFIX + "-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(ABORTED, "{\"note\":\"" + MARKER + "\"}")).get(30, TimeUnit.SECONDS);
            producer.abortTransaction();
        }
    }

    @Test
    void findsAPlantedValueInAnAbortedRecordAndAKekInBase64InAHeader() {
        // When
        LeakScanner scanner = planted().allTopics(bootstrap, name -> name.startsWith(PREFIX));
        // Then
        assertThat(scanner.scanned()).containsExactly(ABORTED, CLEAN, COMMITTED);
        assertThat(scanner.findings())
                .extracting(LeakScanner.Finding::where, LeakScanner.Finding::what)
                .contains(
                        tuple(ABORTED + "-0@0 value", "marker (utf-8)"),
                        tuple(
                                COMMITTED + "-" + partitionOfCommitted(scanner) + "@0 header wrapped",
                                "kek (base64, offset 1)"));
        assertThat(scanner.findings()).noneMatch(f -> f.where().startsWith(CLEAN));
    }

    @Test
    void findsAKekInHexInAStateFileAndAMarkerInALogLine() throws Exception {
        // Given
        Path store = Files.createDirectories(dir.resolve("state/0_1/rocksdb"));
        Files.write(
                store.resolve("000042.sst"),
                ("k=" + HexFormat.of().formatHex(KEK).toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.US_ASCII));
        Files.writeString(store.resolve("clean.log"), "nothing to see");
        String log = "INFO started\nWARN sealing failed for SECRET-tx-42\nINFO stopped";
        // When
        LeakScanner scanner = planted().directory(dir).log("processor", log);
        // Then
        assertThat(scanner.findings())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(
                        "kek (HEX) in " + store.resolve("000042.sst"), "marker (utf-8) in log processor line 2");
        assertThatThrownBy(scanner::assertNoLeaks)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("2 leak(s) found:")
                .hasMessageNotContaining(HexFormat.of().formatHex(KEK));
    }

    @Test
    void aCleanRunPasses() {
        planted()
                .allTopics(bootstrap, CLEAN::equals)
                .log("clean", "INFO nothing to see")
                .directory(dir.resolve("absent"))
                .assertNoLeaks();
    }

    private static LeakScanner planted() {
        return LeakScanner.create().plantedValue("marker", "SECRET-").secret("kek", KEK);
    }

    private static int partitionOfCommitted(LeakScanner scanner) {
        return scanner.findings().stream()
                .filter(f -> f.where().startsWith(COMMITTED))
                .map(f -> f.where().substring(COMMITTED.length() + 1, COMMITTED.length() + 2))
                .map(Integer::parseInt)
                .findFirst()
                .orElse(-1);
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String value) {
        return new ProducerRecord<>(
                topic, "key".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<byte[], byte[]> producer(String transactionalId) {
        Map<String, Object> config = new HashMap<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
