package dev.ctx.benchmarks.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.keyservice.local.LocalKeyService;
import dev.ctx.processor.app.ProcessorApplication;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;

/**
 * A real key service over HTTPS on 127.0.0.1 (product topics, default group commit), its participants registered
 * through the API, and transactions sealed by the real processor (keyrings signed by that key service, escrow pinned).
 * The key service can be restarted with another custodial key cache size on the same topics and KEK.
 */
final class AccessLoadStack implements AutoCloseable {

    static final String PURPOSE = "settlement";
    static final String ACCESS_PATH = "/v1/access-requests";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private final ObjectMapper json = new ObjectMapper();
    private final BenchmarkEnvironment environment;
    private final LoopbackCertificates tls;
    private final Path dir;
    private final HttpsLoad http;
    private LocalKeyService service;
    private String baseUrl;
    private long probeGrants;

    AccessLoadStack(BenchmarkEnvironment environment, LoopbackCertificates tls, Path dir, HttpsLoad http) {
        this.environment = environment;
        this.tls = tls;
        this.dir = dir;
        this.http = http;
    }

    /** Starts (or restarts) the key service; {@code cacheMaxKeys} null keeps the default cache. */
    void startKeyService(Integer cacheMaxKeys) throws IOException {
        Files.createDirectories(dir);
        if (service != null) {
            service.close();
        }
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", environment.bootstrapServers());
        config.put("schema.registry.url", environment.registryUrl());
        config.put("http.port", "0");
        config.put("tls.keystore.path", tls.keyStore().toString());
        config.put("tls.keystore.password.file", tls.passwordFile().toString());
        config.put("tls.truststore.path", tls.trustStore().toString());
        config.put("tls.truststore.password.file", tls.passwordFile().toString());
        config.put("tls.client.auth", "want");
        if (cacheMaxKeys != null) {
            config.put("custody.cache.max.keys", cacheMaxKeys.toString());
        }
        service = LocalKeyService.start(dir, config);
        baseUrl = "https://127.0.0.1:" + URI.create(service.url()).getPort();
    }

    /** Registers the input's participants (KYC verified, one custodial key each) and the escrow key. */
    String register(GeneratorSettings input) throws Exception {
        String operator = service.issueToken("bench-operator", "operator", Duration.ofHours(2));
        for (String id : input.participantPool()) {
            call(
                    operator,
                    "POST",
                    "/v1/participants",
                    "{\"id\":\"" + id + "\",\"role\":\"miner\",\"kycStatus\":\"VERIFIED\",\"allowedPurposes\":[\""
                            + PURPOSE + "\"]}");
            call(operator, "POST", "/v1/participants/" + id + "/keys", "{}");
        }
        return json.readTree(call(operator, "POST", "/v1/escrow/key", "{}"))
                .path("fingerprint")
                .asText();
    }

    /** Seals {@code count} generated transactions with the real processor and waits until all are committed. */
    void seal(GeneratorSettings input, int count, String escrowFingerprint) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(ProcessorConfig.BOOTSTRAP_SERVERS_CONFIG, environment.bootstrapServers());
        config.put(ProcessorConfig.SCHEMA_REGISTRY_URL_CONFIG, environment.registryUrl());
        config.put(ProcessorConfig.APPLICATION_ID_CONFIG, "bench-access-processor");
        config.put(ProcessorConfig.INSTANCE_ID_CONFIG, "bench-1");
        config.put(
                ProcessorConfig.STATE_DIR_CONFIG,
                environment.stateDir("processor").toString());
        config.put(ProcessorConfig.METRICS_HOST_CONFIG, "127.0.0.1");
        config.put(ProcessorConfig.METRICS_PORT_CONFIG, "0");
        config.put(ProcessorConfig.TOPICS_PARTITIONS_CONFIG, Integer.toString(BenchmarkEnvironment.PARTITIONS));
        config.put(
                ProcessorConfig.KEYRING_SIGNING_PUBLIC_KEY_CONFIG,
                Base64.getEncoder().encodeToString(service.keyringSigningKey().bytes()));
        config.put(ProcessorConfig.ESCROW_PUBLIC_KEY_FINGERPRINT_CONFIG, escrowFingerprint);
        TopicNames topics = TopicNames.defaults();
        try (ProcessorApplication processor = ProcessorApplication.start(ProcessorConfig.of(config));
                OutputWatcher watcher = new OutputWatcher(environment, topics.encrypted(), "bench-access-watch")) {
            processor.awaitRunning(READY_TIMEOUT);
            try (TransactionProducer producer = environment.producer(topics.transactions())) {
                producer.produce(new TransactionGenerator(input, 7).asIterator(), count, 0, sent -> {});
            }
            long sealed = watcher.awaitCount(count, READY_TIMEOUT, false);
            if (sealed < count) {
                throw new IllegalStateException("the processor sealed only " + sealed + " of " + count);
            }
        }
    }

    /** Waits until an access request for each transaction is granted (the lookup view has caught up). */
    void awaitLookup(List<HttpRequest> oneRequestPerTransaction) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (HttpRequest request : oneRequestPerTransaction) {
            while (true) {
                HttpResponse<String> response = http.probe(request);
                if (response.statusCode() == 200) {
                    probeGrants++;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the lookup view did not find a transaction within " + READY_TIMEOUT
                            + ": " + response.statusCode() + " " + response.body());
                }
                Thread.sleep(100);
            }
        }
    }

    /** {@code 200}s of the readiness probes (each one a granted access request). */
    long probeGrants() {
        return probeGrants;
    }

    /** For every transaction and every one of its participants, an access request by that participant. */
    List<HttpRequest> accessRequests(GeneratorSettings input, int count) {
        List<HttpRequest> requests = new ArrayList<>();
        for (String participant : input.participantPool()) {
            String token = participantToken(participant);
            for (int i = 0; i < count; i++) {
                String body =
                        "{\"transactionId\":\"" + input.idPrefix() + "-" + i + "\",\"purpose\":\"" + PURPOSE + "\"}";
                requests.add(request(token, "POST", ACCESS_PATH, body));
            }
        }
        return requests;
    }

    /** The baseline: each participant reads its own registry entry (authenticated, no Kafka, no crypto). */
    List<HttpRequest> participantReads(GeneratorSettings input) {
        return input.participantPool().stream()
                .map(id -> request(participantToken(id), "GET", "/v1/participants/" + id, null))
                .toList();
    }

    private String participantToken(String participant) {
        return service.issueToken(participant, "participant", Duration.ofHours(2));
    }

    private HttpRequest request(String token, String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("User-Agent", "ctx-bench")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private String call(String token, String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(request(token, method, path, body));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
    }
}
