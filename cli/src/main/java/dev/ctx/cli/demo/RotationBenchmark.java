package dev.ctx.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.processor.config.RewrapKeys;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;
import dev.ctx.testkit.kafka.BrokerProperties;

/**
 * {@code ctx bench --rotation}: the rotation job end to end on the embedded broker with the real key service over
 * HTTP (issue 14 item 7). Seals {@code envelopes} transactions that all name one participant (the baseline: the
 * sealing rate of the same run), rotates that participant, and measures from the rotation call until the job has
 * retired the old version: every envelope rewrapped, every partition reported zero, the retire call answered.
 */
public final class RotationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROTATED = "miner-1";
    private static final List<String> PARTICIPANTS = List.of(ROTATED, "client-1", "miner-2");
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    /**
     * @param envelopes transactions sealed, all naming the rotated participant
     * @param intervalMs {@code rewrap.interval.ms} of the job
     * @param batchSize {@code rewrap.batch.size} of the job
     */
    public record Settings(int envelopes, long intervalMs, int batchSize, Path results, Path work) {}

    private RotationBenchmark() {}

    /** Runs the benchmark; prints progress to {@code err} and returns the result table. */
    public static String run(Settings settings, PrintWriter err) throws Exception {
        try (DemoStack stack =
                new DemoStack(settings.work(), new DemoPorts(BrokerProperties.freeLoopbackPortPair(), 0, 0, 0))) {
            stack.startKafka();
            stack.startRegistry();
            stack.startKeyService();
            KeyServiceClient operator =
                    stack.operatorClient(stack.issueToken("bench-operator", "operator", Duration.ofHours(2)));
            for (String id : PARTICIPANTS) {
                operator.registerParticipant(id, "miner", List.of("settlement"));
                operator.createKey(id);
            }
            String escrow = operator.createEscrowKey().path("fingerprint").asText();
            DemoCommand.awaitRunning(stack.startProcessor(
                    escrow,
                    Map.of(
                            RewrapKeys.URL_CONFIG, stack.keyServiceUrl(),
                            RewrapKeys.TOKEN_CONFIG, stack.issueToken("rewrap-job", "operator", Duration.ofHours(2)),
                            RewrapKeys.INTERVAL_MS_CONFIG, Long.toString(settings.intervalMs()),
                            RewrapKeys.BATCH_SIZE_CONFIG, Integer.toString(settings.batchSize()))));
            err.println("ctx bench: sealing " + settings.envelopes() + " transactions ...");
            long sealStart = System.nanoTime();
            try (TransactionProducer producer = DemoCommand.producer(stack)) {
                producer.produce(
                        new TransactionGenerator(
                                        GeneratorSettings.benchmarkDefault("rot")
                                                .withParticipants(PARTICIPANTS, 3, 3)
                                                .withConfidentialRatio(1.0),
                                        7L)
                                .asIterator(),
                        settings.envelopes(),
                        0,
                        sent -> {});
            }
            await(() -> metric(stack, "ctx_processor_transactions_encrypted_total", "") >= settings.envelopes());
            double sealSeconds = (System.nanoTime() - sealStart) / 1e9;
            // the key service's lookup view must hold every envelope before the job asks it (not measured)
            Thread.sleep(5_000);
            err.println("ctx bench: rotating " + ROTATED + " and waiting for the job to retire v1 ...");
            long rotateStart = System.nanoTime();
            operator.rotateKey(ROTATED);
            await(() -> "retired".equals(status(operator)));
            double rotateSeconds = (System.nanoTime() - rotateStart) / 1e9;
            double rewrapped = metric(stack, "ctx_rewrap_rewrapped_total", ROTATED);
            double failed = metric(stack, "ctx_rewrap_failed_total", ROTATED);
            double sealRate = settings.envelopes() / sealSeconds;
            double rewrapRate = settings.envelopes() / rotateSeconds;
            String table = String.join(
                    System.lineSeparator(),
                    String.format(Locale.ROOT, "%-34s %12s %12s", "phase", "seconds", "per second"),
                    String.format(
                            Locale.ROOT, "%-34s %12.1f %12.0f", "seal (baseline, same run)", sealSeconds, sealRate),
                    String.format(
                            Locale.ROOT, "%-34s %12.1f %12.0f", "rotate -> v1 retired", rotateSeconds, rewrapRate),
                    String.format(
                            Locale.ROOT,
                            "rewrapped %.0f, failed %.0f, interval %d ms, batch %d; ratio rewrap/seal %.2f",
                            rewrapped,
                            failed,
                            settings.intervalMs(),
                            settings.batchSize(),
                            rewrapRate / sealRate));
            write(settings, sealSeconds, rotateSeconds, rewrapped, failed);
            return table;
        }
    }

    private static void write(
            Settings settings, double sealSeconds, double rotateSeconds, double rewrapped, double failed)
            throws IOException {
        ObjectNode result = JSON.createObjectNode();
        result.put("envelopes", settings.envelopes());
        result.put("intervalMs", settings.intervalMs());
        result.put("batchSize", settings.batchSize());
        result.put("sealSeconds", sealSeconds);
        result.put("rotateToRetiredSeconds", rotateSeconds);
        result.put("envelopesPerSecond", settings.envelopes() / rotateSeconds);
        result.put("rewrapped", rewrapped);
        result.put("failed", failed);
        Files.createDirectories(settings.results());
        Files.writeString(
                settings.results().resolve("rotation.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    private static String status(KeyServiceClient operator) {
        try {
            for (JsonNode key : operator.keys(ROTATED).path("keys")) {
                if (key.path("version").asInt() == 1) {
                    return key.path("status").asText();
                }
            }
            return "absent";
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of a processor counter's series (of {@code participant}, if not empty), from its Prometheus scrape. */
    private static double metric(DemoStack stack, String name, String participant) {
        try {
            String body = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.metricsPort() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return body.lines()
                    .filter(line -> (line.startsWith(name + "{") || line.startsWith(name + " "))
                            && (participant.isEmpty() || line.contains("participant=\"" + participant + "\"")))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the benchmark did not reach its state within " + PATIENCE);
            }
            Thread.sleep(50);
        }
    }
}
