package dev.ctx.benchmarks.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ctx.keyservice.local.LocalKeyService;

/**
 * Key-service operations over HTTP on the benchmark's broker: key rotations (each one a Kafka transaction with its
 * access event) and public-key reads, from several concurrent clients; reports operations/s and latency percentiles.
 */
final class KeyServiceLoad implements AutoCloseable {

    private static final int CLIENTS = 4;
    private final LocalKeyService service;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeyServiceLoad(LocalKeyService service, String token) {
        this.service = service;
        this.token = token;
    }

    static KeyServiceLoad start(BenchmarkEnvironment environment, Path dir, String runId) {
        LocalKeyService service = LocalKeyService.start(
                dir,
                Map.of(
                        "kafka.bootstrap.servers", environment.bootstrapServers(),
                        "schema.registry.url", environment.registryUrl(),
                        "http.port", "0",
                        "topic.participant.keys", runId + ".ks.participant-keys",
                        "topic.key.custody", runId + ".ks.key-custody",
                        "topic.access.events", runId + ".ks.access-events",
                        "topic.access.grants", runId + ".ks.access-grants",
                        "store.transactional.id", runId + "-key-service"));
        return new KeyServiceLoad(service, service.issueToken("bench-operator", "operator", Duration.ofHours(1)));
    }

    /** Registers {@code participants} participants with a first key each; returns their ids. */
    List<String> register(int participants) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            String id = "bench-" + i;
            call("POST", "/v1/participants", "{\"id\":\"" + id + "\",\"role\":\"client\",\"kycStatus\":\"VERIFIED\"}");
            call("POST", "/v1/participants/" + id + "/keys", "{}");
            ids.add(id);
        }
        return ids;
    }

    /** {@code operations} rotations spread over the participants, from {@link #CLIENTS} concurrent clients. */
    OperationResult rotations(List<String> ids, int operations) throws Exception {
        return run(
                "rotate",
                operations,
                i -> call("POST", "/v1/participants/" + ids.get(i % ids.size()) + "/keys/rotate", "{}"));
    }

    /** {@code operations} public-key list reads. */
    OperationResult reads(List<String> ids, int operations) throws Exception {
        return run(
                "list-keys",
                operations,
                i -> call("GET", "/v1/participants/" + ids.get(i % ids.size()) + "/keys", null));
    }

    private OperationResult run(String name, int operations, Operation operation) throws Exception {
        long[] latencies = new long[operations];
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int i = client; i < operations; i += CLIENTS) {
                        long t0 = System.nanoTime();
                        operation.call(i);
                        latencies[i] = (System.nanoTime() - t0) / 1_000;
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new OperationResult(
                name, operations, CLIENTS, operations / seconds, Percentiles.of(latencies, operations));
    }

    private void call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
        }
    }

    @Override
    public void close() {
        service.close();
    }

    @FunctionalInterface
    private interface Operation {
        void call(int index) throws Exception;
    }

    /**
     * @param operation what was called
     * @param operations how many calls
     * @param clients concurrent clients
     * @param perSecond calls per second
     * @param latencyMicros per-call latency in microseconds
     */
    record OperationResult(
            String operation, int operations, int clients, double perSecond, Percentiles latencyMicros) {}
}
