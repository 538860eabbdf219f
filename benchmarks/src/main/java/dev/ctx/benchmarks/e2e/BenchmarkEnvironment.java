package dev.ctx.benchmarks.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.testkit.data.TransactionProducer;
import dev.ctx.testkit.kafka.EmbeddedKafkaBroker;

/** The broker, registry scope and working directory one benchmark run shares between its pipelines. */
final class BenchmarkEnvironment implements AutoCloseable {

    static final int PARTITIONS = 2;
    private final EmbeddedKafkaBroker broker;
    private final String registryScope;
    private final Path workDir;

    private BenchmarkEnvironment(EmbeddedKafkaBroker broker, String registryScope, Path workDir) {
        this.broker = broker;
        this.registryScope = registryScope;
        this.workDir = workDir;
    }

    /** Starts an embedded broker under {@code workDir} and an in-process registry scope. */
    static BenchmarkEnvironment start(Path workDir, String runId) throws Exception {
        Files.createDirectories(workDir);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(workDir.resolve("kafka"), Map.of()).start();
        return new BenchmarkEnvironment(broker, runId, workDir);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return MockSchemaRegistry.URL_PREFIX + registryScope;
    }

    Path stateDir(String name) {
        return workDir.resolve("state-" + name);
    }

    <T extends SpecificRecord> ConfluentAvroSerde<T> serde(Class<T> type) {
        return ConfluentAvroSerdes.forClass(type, Map.of("schema.registry.url", registryUrl()), false);
    }

    TransactionProducer producer(String topic) {
        return new TransactionProducer(bootstrapServers(), Map.of("schema.registry.url", registryUrl()), topic);
    }

    void createTopics(String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(Arrays.stream(names)
                            .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                            .collect(Collectors.toList()))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        MockSchemaRegistry.dropScope(registryScope);
        broker.close();
    }
}
