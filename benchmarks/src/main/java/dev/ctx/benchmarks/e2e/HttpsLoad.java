package dev.ctx.benchmarks.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLContext;

/**
 * Closed-loop HTTPS load: {@code clients} threads, each sending one request at a time (picked at random from a fixed
 * set) through one shared {@link HttpClient} with HTTP/1.1, whose connection pool keeps one keep-alive TLS connection
 * per concurrent request. Requests started during the warm-up are not measured; the answers' {@code eventId}s of all
 * {@code 200}s are kept for the audit check.
 */
final class HttpsLoad {

    private final HttpClient http;
    private final int clients;
    private final List<String> grantedEventIds = new ArrayList<>();

    HttpsLoad(SSLContext ssl, int clients) {
        this.clients = clients;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Sends one request and returns its status (for set-up and readiness probes). */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends one request; a {@code 200}'s event id goes to {@link #grantedEventIds()} (readiness probes). */
    HttpResponse<String> probe(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 200) {
            GrantedEventIds.of(response.body()).ifPresent(grantedEventIds::add);
        }
        return response;
    }

    /** Runs the load and returns the window's figures; {@code 200} event ids go to {@link #grantedEventIds()}. */
    LoadResult run(String variant, String label, List<HttpRequest> requests, Duration warmup, Duration window)
            throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + window.toNanos();
        List<Worker> workers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Worker worker = new Worker(requests, measureFrom, measureTo);
                workers.add(worker);
                done.add(pool.submit(() -> {
                    worker.run();
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String loadAverage = loadAverage();
        Map<Integer, Long> statuses = new TreeMap<>();
        long granted = 0;
        for (Worker worker : workers) {
            worker.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
            granted += worker.grantedIncludingWarmup;
            grantedEventIds.addAll(worker.eventIds);
        }
        Percentiles latency =
                LatencyLog.merged(workers.stream().map(w -> w.latencies).toList());
        double seconds = window.toNanos() / 1e9;
        return new LoadResult(
                variant,
                label,
                clients,
                seconds,
                latency.samples(),
                latency.samples() / seconds,
                latency,
                statuses,
                granted,
                loadAverage);
    }

    /** Event ids of every {@code 200} answer naming one, over all runs so far, warm-up included. */
    List<String> grantedEventIds() {
        return List.copyOf(grantedEventIds);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** One closed-loop client. */
    private final class Worker {

        private final List<HttpRequest> requests;
        private final long measureFrom;
        private final long measureTo;
        private final LatencyLog latencies = new LatencyLog();
        private final Map<Integer, Long> statuses = new TreeMap<>();
        private final List<String> eventIds = new ArrayList<>();
        private long grantedIncludingWarmup;

        Worker(List<HttpRequest> requests, long measureFrom, long measureTo) {
            this.requests = requests;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
        }

        void run() throws InterruptedException {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long started = System.nanoTime();
            while (started < measureTo) {
                HttpRequest request = requests.get(random.nextInt(requests.size()));
                int status = call(request);
                long finished = System.nanoTime();
                if (started >= measureFrom) {
                    latencies.add((finished - started) / 1_000);
                    statuses.merge(status, 1L, Long::sum);
                }
                started = finished;
            }
        }

        private int call(HttpRequest request) throws InterruptedException {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    grantedIncludingWarmup++;
                    GrantedEventIds.of(response.body()).ifPresent(eventIds::add);
                }
                return response.statusCode();
            } catch (IOException e) {
                return 0;
            }
        }
    }
}
