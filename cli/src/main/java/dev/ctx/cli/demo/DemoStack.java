package dev.ctx.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import dev.ctx.keyservice.KeyService;
import dev.ctx.keyservice.config.ConfigSource;
import dev.ctx.keyservice.kek.Pkcs12KeystoreKek;
import dev.ctx.processor.app.ProcessorApplication;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.testkit.kafka.EmbeddedKafkaBroker;
import dev.ctx.testkit.registry.SchemaRegistryServer;

/**
 * The demo's running parts, started in dependency order and closed in reverse: broker, schema registry, key service,
 * processor. Everything binds 127.0.0.1.
 */
final class DemoStack implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path dir;
    private final DemoPorts ports;
    private final DemoTokens tokens;
    private EmbeddedKafkaBroker broker;
    private SchemaRegistryServer registry;
    private KeyService keyService;
    private int processorMetricsPort;

    DemoStack(Path dir, DemoPorts ports, DemoTokens tokens) {
        this.dir = dir;
        this.ports = ports;
        this.tokens = tokens;
    }

    void startKafka() {
        broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), ports.kafka(), ports.kafka() + 1, Map.of()).start();
        started.push(broker::stop);
    }

    void startRegistry() {
        registry = SchemaRegistryServer.builder().port(ports.registry()).build().start();
        started.push(registry);
    }

    void startKeyService() throws IOException {
        Path keystore = dir.resolve("kek.p12");
        char[] password = keystorePassword();
        if (!Files.exists(keystore)) {
            Pkcs12KeystoreKek.createWithNewKey(keystore, password.clone(), "master-kek");
        }
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        config.put("schema.registry.url", registryUrl());
        config.put("http.host", "127.0.0.1");
        config.put("http.port", Integer.toString(ports.keyService()));
        config.put("kek.provider", "pkcs12");
        config.put("kek.pkcs12.path", keystore.toString());
        config.put("kek.pkcs12.password.env", "CTX_DEMO_KEK_PASSWORD");
        config.put("auth.jwt.issuer", DemoTokens.ISSUER);
        config.put("auth.jwt.audience", DemoTokens.AUDIENCE);
        config.put("auth.jwt.hs256.secret.env", "CTX_DEMO_JWT_SECRET");
        // secrets reach the key service as (in-process) environment values, never as plain config entries
        Map<String, String> secrets = Map.of("CTX_DEMO_KEK_PASSWORD", new String(password),
                "CTX_DEMO_JWT_SECRET", tokens.secretForKeyService());
        keyService = KeyService.start(new ConfigSource(config, secrets));
        started.push(keyService);
    }

    ProcessorApplication startProcessor() {
        Map<String, String> config = new HashMap<>();
        config.put(ProcessorConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProcessorConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl());
        config.put(ProcessorConfig.APPLICATION_ID_CONFIG, "ctx-demo");
        config.put(ProcessorConfig.INSTANCE_ID_CONFIG, "demo-1");
        config.put(ProcessorConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        config.put(ProcessorConfig.METRICS_HOST_CONFIG, "127.0.0.1");
        config.put(ProcessorConfig.METRICS_PORT_CONFIG, Integer.toString(ports.metrics()));
        config.put(ProcessorConfig.TOPICS_PARTITIONS_CONFIG, "3");
        ProcessorApplication processor = ProcessorApplication.start(ProcessorConfig.of(config));
        started.push(processor);
        processorMetricsPort = processor.metricsPort();
        return processor;
    }

    int metricsPort() {
        return processorMetricsPort;
    }

    KeyService keyService() {
        return keyService;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    String keyServiceUrl() {
        return "http://127.0.0.1:" + keyService.port();
    }

    /** The keystore password: generated on the first run, kept in a file only the owner can read. */
    private char[] keystorePassword() throws IOException {
        Path file = dir.resolve("kek.password");
        if (!Files.exists(file)) {
            byte[] random = new byte[18];
            new java.security.SecureRandom().nextBytes(random);
            Files.writeString(file, java.util.Base64.getUrlEncoder().encodeToString(random));
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        return Files.readString(file).trim().toCharArray();
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
