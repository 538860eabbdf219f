package dev.ctx.cli.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.client.access.AccessClient;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.local.LocalKeyService;
import dev.ctx.processor.app.ProcessorApplication;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.testkit.kafka.EmbeddedKafkaBroker;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * The demo's running parts, started in dependency order and closed in reverse: broker, schema registry, key service,
 * processor. Everything binds 127.0.0.1.
 */
final class DemoStack implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path dir;
    private final DemoPorts ports;
    private EmbeddedKafkaBroker broker;
    private SchemaRegistryServer registry;
    private LocalKeyService keyService;
    private SSLContext clientTls;
    private int processorMetricsPort;

    DemoStack(Path dir, DemoPorts ports) {
        this.dir = dir;
        this.ports = ports;
    }

    void startKafka() {
        broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), ports.kafka(), ports.kafka() + 1, Map.of()).start();
        started.push(broker::stop);
    }

    void startRegistry() {
        registry = SchemaRegistryServer.builder().port(ports.registry()).build().start();
        started.push(registry);
    }

    void startKeyService() {
        startKeyService(Map.of(), null);
    }

    /**
     * Starts the key service with {@code extraConfig} over the local defaults (e.g. the {@code tls.*} keys for HTTPS);
     * {@code clientTls}, if not null, is the TLS context the demo's own calls use (it must trust the service).
     */
    void startKeyService(Map<String, String> extraConfig, SSLContext clientTls) {
        Map<String, String> config = new HashMap<>(extraConfig);
        config.put("kafka.bootstrap.servers", bootstrapServers());
        config.put("schema.registry.url", registryUrl());
        config.put("http.port", Integer.toString(ports.keyService()));
        keyService = LocalKeyService.start(dir, config);
        this.clientTls = clientTls;
        started.push(keyService);
    }

    /** The public key that signs the demo key service's keyrings: the processor's pin. */
    Ed25519VerifyingKey keyringSigningKey() {
        return keyService.keyringSigningKey();
    }

    /** Starts the processor pinned to the in-process key service's signing key and the given escrow fingerprint. */
    ProcessorApplication startProcessor(String escrowFingerprint) {
        return startProcessor(escrowFingerprint, Map.of());
    }

    /** As {@link #startProcessor(String)}, with {@code extraConfig} over the demo's processor keys. */
    ProcessorApplication startProcessor(String escrowFingerprint, Map<String, String> extraConfig) {
        ProcessorApplication processor =
                ProcessorApplication.start(ProcessorConfig.of(processorConfig(escrowFingerprint, extraConfig)));
        started.push(processor);
        processorMetricsPort = processor.metricsPort();
        return processor;
    }

    /**
     * The demo processor's configuration (instance {@code demo-1}, state under this stack's directory, 3 partitions),
     * pinned to this key service's signing key and {@code escrowFingerprint}, with {@code extraConfig} over it.
     */
    Map<String, String> processorConfig(String escrowFingerprint, Map<String, String> extraConfig) {
        return processorConfig(keyringSigningKey(), escrowFingerprint, extraConfig);
    }

    /** As {@link #processorConfig(String, Map)}, pinned to {@code keyringSigningKey} (a key service run elsewhere). */
    Map<String, String> processorConfig(
            Ed25519VerifyingKey keyringSigningKey, String escrowFingerprint, Map<String, String> extraConfig) {
        Map<String, String> config = new HashMap<>();
        config.put(ProcessorConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProcessorConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl());
        config.put(ProcessorConfig.APPLICATION_ID_CONFIG, "ctx-demo");
        config.put(ProcessorConfig.INSTANCE_ID_CONFIG, "demo-1");
        config.put(ProcessorConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        config.put(ProcessorConfig.METRICS_HOST_CONFIG, "127.0.0.1");
        config.put(ProcessorConfig.METRICS_PORT_CONFIG, Integer.toString(ports.metrics()));
        config.put(ProcessorConfig.TOPICS_PARTITIONS_CONFIG, "3");
        config.put(
                ProcessorConfig.KEYRING_SIGNING_PUBLIC_KEY_CONFIG,
                Base64.getEncoder().encodeToString(keyringSigningKey.bytes()));
        config.put(ProcessorConfig.ESCROW_PUBLIC_KEY_FINGERPRINT_CONFIG, escrowFingerprint);
        config.putAll(extraConfig);
        return config;
    }

    int metricsPort() {
        return processorMetricsPort;
    }

    /** The running key service (for in-process verification in tests). */
    LocalKeyService keyService() {
        return keyService;
    }

    /** A bearer token the demo's key service accepts. */
    String issueToken(String subject, String role, Duration lifetime) {
        return keyService.issueToken(subject, role, lifetime);
    }

    /** A bearer token with a second factor ({@code amr} {@code pwd}, {@code mfa}): step-up routes accept it. */
    String issueSteppedUpToken(String subject, String role, Duration lifetime) {
        return keyService.issueSteppedUpToken(subject, role, lifetime);
    }

    /** An operator's client of the demo's key service. */
    KeyServiceClient operatorClient(String token) {
        return new KeyServiceClient(keyServiceUrl(), token, clientTls);
    }

    /** The read API as participant {@code participantId} (a participant token minted like the operator's). */
    AccessClient accessClient(String participantId) {
        AccessClient.Builder builder = AccessClient.builder(URI.create(keyServiceUrl()))
                .token(issueToken(participantId, "participant", Duration.ofHours(1)));
        if (clientTls != null) {
            builder.sslContext(clientTls);
        }
        return builder.build();
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    String keyServiceUrl() {
        return keyService.url();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }
}
