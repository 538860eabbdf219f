package dev.ctx.benchmarks.e2e;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.ctx.processor.topics.TopicNames;
import dev.ctx.testkit.data.GeneratorSettings;

/**
 * Access requests over HTTPS against a real key service on the benchmark's embedded broker: transactions sealed by the
 * real processor, then {@code clients} keep-alive clients for a fixed time per variant. On one key service with the
 * default settings (group commit, custodial key cache on): a trivial authenticated endpoint as the baseline, then
 * {@code POST /v1/access-requests}; the same after a restart with {@code custody.cache.max.keys=0}. Finally every
 * granted answer is matched with its committed {@code ACCESS_GRANTED} event.
 */
public final class AccessBenchmark {

    /**
     * Unmeasured load on both endpoints before the first variant, so that the JIT has compiled the TLS, HTTP and
     * access code before anything is measured; without it the first variant ran 3-4x slower than the same endpoint
     * minutes later.
     */
    static final Duration JVM_WARMUP = Duration.ofSeconds(15);

    private AccessBenchmark() {}

    /** {@code java ... AccessBenchmark}: the default settings; prints the table. */
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ctx-bench-access");
        System.out.println(run(AccessLoadSettings.defaults(Path.of("benchmarks", "results"), work))
                .table());
    }

    /** Runs every variant and writes the JSON report. */
    public static AccessReport run(AccessLoadSettings settings) throws Exception {
        String runId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        GeneratorSettings input = GeneratorSettings.benchmarkDefault(runId);
        try (BenchmarkEnvironment environment = BenchmarkEnvironment.start(settings.workDir(), runId)) {
            LoopbackCertificates tls =
                    LoopbackCertificates.create(settings.workDir().resolve("tls"));
            HttpsLoad http = new HttpsLoad(tls.clientContext(), settings.clients());
            List<LoadResult> results = new ArrayList<>();
            String loadAtStart;
            try (AccessLoadStack stack =
                    new AccessLoadStack(environment, tls, settings.workDir().resolve("key-service"), http)) {
                stack.startKeyService(null);
                stack.seal(input, settings.transactions(), stack.register(input));
                long warmupGrants = warmUpJvm(stack, http, settings, input);
                loadAtStart = HttpsLoad.loadAverage();
                measure(stack, http, settings, input, "cache on", results);
                stack.startKeyService(0);
                measure(stack, http, settings, input, "cache off", results);
                long granted = warmupGrants
                        + stack.probeGrants()
                        + results.stream()
                                .filter(r -> r.request().startsWith("POST"))
                                .mapToLong(LoadResult::grantedIncludingWarmup)
                                .sum();
                GrantedEventCheck events = GrantedEventCheck.read(
                        environment, TopicNames.defaults().accessEvents(), granted, http.grantedEventIds());
                AccessReport report =
                        new AccessReport(settings.name(), machine(), settings, loadAtStart, results, events);
                write(report, settings.resultsDir().resolve(settings.name() + ".json"));
                return report;
            }
        }
    }

    /** Returns the {@code 200}s of the access requests sent (they are checked against the audit log too). */
    private static long warmUpJvm(
            AccessLoadStack stack, HttpsLoad http, AccessLoadSettings settings, GeneratorSettings input)
            throws Exception {
        List<HttpRequest> access = stack.accessRequests(input, settings.transactions());
        stack.awaitLookup(access.subList(0, settings.transactions()));
        Duration half = JVM_WARMUP.dividedBy(2);
        http.run("JVM warm-up", "GET", stack.participantReads(input), half, Duration.ofMillis(1));
        return http.run("JVM warm-up", "POST", access, half, Duration.ofMillis(1))
                .grantedIncludingWarmup();
    }

    private static void measure(
            AccessLoadStack stack,
            HttpsLoad http,
            AccessLoadSettings settings,
            GeneratorSettings input,
            String cache,
            List<LoadResult> results)
            throws Exception {
        List<HttpRequest> access = stack.accessRequests(input, settings.transactions());
        stack.awaitLookup(access.subList(0, settings.transactions()));
        results.add(http.run(
                "baseline (" + cache + ")",
                "GET /v1/participants/{self}",
                stack.participantReads(input),
                settings.warmup(),
                settings.window()));
        results.add(http.run(
                "access, " + cache,
                "POST " + AccessLoadStack.ACCESS_PATH,
                access,
                settings.warmup(),
                settings.window()));
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
    }

    private static void write(AccessReport report, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        new ObjectMapper()
                .findAndRegisterModules()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), report);
    }
}
