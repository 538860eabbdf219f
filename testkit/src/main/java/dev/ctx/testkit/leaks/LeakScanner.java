package dev.ctx.testkit.leaks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Looks for confidential values and secret bytes where they must never be: every record (key, value and headers) of
 * every topic on a broker, aborted transactions included ({@code read_uncommitted}), internal changelogs, repartition
 * topics and dead letters too; every file under given directories (state directories); and captured log text.
 *
 * <p>Planted values (e.g. {@code TransactionGenerator.plantedMarker}) are searched as UTF-8, as Avro writes strings.
 * Secrets (private keys, KEK bytes, DEKs) are searched raw, as lower- and upper-case hex, and as standard and URL-safe
 * base64 at each of the three byte alignments, so a secret is found inside a longer base64 text too. A finding names
 * where and which value in which form, never the value itself.
 *
 * <pre>{@code
 * LeakScanner.create()
 *         .plantedValue("marker", "SECRET-")
 *         .secret("escrow private key", escrowKeyBytes)
 *         .allTopics(bootstrap, name -> name.startsWith(prefix) && !name.equals(inputTopic))
 *         .directory(stateDir)
 *         .log("processor", capturedLogText)
 *         .assertNoLeaks();
 * }</pre>
 */
public final class LeakScanner {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final int MIN_BASE64_CHARS = 8;

    private final Map<String, byte[]> needles = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> scanned = new ArrayList<>();

    private LeakScanner() {}

    public static LeakScanner create() {
        return new LeakScanner();
    }

    /** One place a value was found: where (topic-partition@offset, file, log) and what (name and form). */
    public record Finding(String where, String what) {
        @Override
        public String toString() {
            return what + " in " + where;
        }
    }

    /** A confidential value planted in the input, searched as UTF-8. */
    public LeakScanner plantedValue(String name, String value) {
        Objects.requireNonNull(value, "value");
        needles.put(name + " (utf-8)", value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Secret bytes, searched raw, as hex and as base64. */
    public LeakScanner secret(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("secret " + name + " is empty");
        }
        needles.put(name + " (raw)", bytes.clone());
        String hex = HexFormat.of().formatHex(bytes);
        needles.put(name + " (hex)", hex.getBytes(StandardCharsets.US_ASCII));
        needles.put(name + " (HEX)", hex.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        addBase64(name, "base64", Base64.getEncoder(), bytes);
        addBase64(name, "base64url", Base64.getUrlEncoder(), bytes);
        return this;
    }

    /**
     * For each alignment of the secret in a longer byte stream, the characters that depend on the secret's bytes
     * only: 6-bit groups that lie wholly inside it.
     */
    private void addBase64(String name, String form, Base64.Encoder encoder, byte[] bytes) {
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String encoded = encoder.withoutPadding().encodeToString(shifted);
            int from = (8 * shift + 5) / 6;
            int to = (8 * (shift + bytes.length)) / 6;
            if (to - from >= MIN_BASE64_CHARS) {
                needles.put(
                        name + " (" + form + ", offset " + shift + ")",
                        encoded.substring(from, to).getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** Every topic of the broker, internal ones included. */
    public LeakScanner allTopics(String bootstrapServers) {
        return allTopics(bootstrapServers, name -> true);
    }

    /**
     * The topics of the broker whose names {@code which} accepts (internal ones included), read from the beginning
     * to the end offsets taken first, with {@code read_uncommitted} so aborted records count.
     */
    public LeakScanner allTopics(String bootstrapServers, Predicate<String> which) {
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names()
                    .get();
            List<String> chosen = names.stream().filter(which).sorted().toList();
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(chosen).allTopicNames().get();
            for (TopicDescription description : descriptions.values()) {
                description
                        .partitions()
                        .forEach(p -> ends.put(new TopicPartition(description.name(), p.partition()), 0L));
            }
            ends.putAll(consumer.endOffsets(ends.keySet(), READ_TIMEOUT));
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            readToEnds(consumer, ends);
            scanned.addAll(chosen);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list or describe the topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    private void readToEnds(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), READ_TIMEOUT) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read every topic to its end within " + READ_TIMEOUT);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                String where = record.topic() + "-" + record.partition() + "@" + record.offset();
                scan(where + " key", record.key());
                scan(where + " value", record.value());
                for (Header header : record.headers()) {
                    scan(where + " header " + header.key(), header.value());
                }
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Every regular file under {@code directory} (absent: nothing to scan). */
    public LeakScanner directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return this;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                scan(file.toString(), readIfPresent(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scanned.add(directory.toString());
        return this;
    }

    /** Files may vanish while a store compacts; a vanished file holds nothing. */
    private static byte[] readIfPresent(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    /** Captured log text (UTF-8), findings named by line. */
    public LeakScanner log(String name, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            scan("log " + name + " line " + (i + 1), lines[i].getBytes(StandardCharsets.UTF_8));
        }
        scanned.add("log " + name);
        return this;
    }

    private void scan(String where, byte[] haystack) {
        if (haystack == null) {
            return;
        }
        needles.forEach((what, needle) -> {
            if (indexOf(haystack, needle) >= 0) {
                findings.add(new Finding(where, what));
            }
        });
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** What was found so far. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The topics, directories and logs scanned so far. */
    public List<String> scanned() {
        return List.copyOf(scanned);
    }

    /** @throws AssertionError listing every finding, if there is one */
    public void assertNoLeaks() {
        if (needles.isEmpty()) {
            throw new IllegalStateException("nothing to look for: add planted values or secrets");
        }
        if (!findings.isEmpty()) {
            StringBuilder message = new StringBuilder(findings.size() + " leak(s) found:");
            findings.stream().limit(100).forEach(f -> message.append("\n  ").append(f));
            if (findings.size() > 100) {
                message.append("\n  ... and ").append(findings.size() - 100).append(" more");
            }
            throw new AssertionError(message.toString());
        }
    }
}
