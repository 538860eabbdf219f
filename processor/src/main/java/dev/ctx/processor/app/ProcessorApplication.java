package dev.ctx.processor.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.ctx.envelope.EnvelopeSelfCheck;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.dlq.DeadLetterRecords;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.encrypt.EncryptionSettings;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.encrypt.InstrumentedSealer;
import dev.ctx.processor.keys.KeyringTrust;
import dev.ctx.processor.metrics.MicrometerProcessorMetrics;
import dev.ctx.processor.metrics.PrometheusEndpoint;
import dev.ctx.processor.topics.AuditTopics;
import dev.ctx.processor.topics.CommandTopicPartitions;
import dev.ctx.processor.topics.EncryptionTopics;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topology.EncryptionTopology;
import dev.ctx.processor.topology.StreamsProperties;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.confidential.SealedSchemaNotRegisteredException;
import dev.ctx.schemas.confidential.SealedSchemaPublisher;
import dev.ctx.schemas.schemaregistry.ConfigValues;
import dev.ctx.schemas.schemaregistry.SchemaRegistryClient;
import dev.ctx.schemas.schemaregistry.SchemaRegistryClients;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.topics.TopicProvisioner;

/**
 * A running encryption processor. {@link #start(ProcessorConfig)} runs the crypto self-check (a failing provider
 * stops startup), publishes the sealed record's schema, ensures the topics, then starts Kafka Streams and the
 * Prometheus endpoint.
 */
public final class ProcessorApplication implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProcessorApplication.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final PrometheusEndpoint endpoint;
    private final TopologySerdes serdes;
    private final Optional<KafkaStreams> rewrap;
    private final Optional<SealerApplication.Sealer> sealer;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean failed;

    private ProcessorApplication(
            KafkaStreams streams,
            KafkaStreamsMetrics streamsMetrics,
            PrometheusEndpoint endpoint,
            TopologySerdes serdes,
            Optional<KafkaStreams> rewrap,
            Optional<SealerApplication.Sealer> sealer) {
        this.rewrap = rewrap;
        this.sealer = sealer;
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.endpoint = endpoint;
        this.serdes = serdes;
    }

    /**
     * Starts the processor; returns once Kafka Streams has been started (it then joins its group asynchronously).
     *
     * @throws org.apache.kafka.common.config.ConfigException if a {@code streams.} override is invalid
     * @throws dev.ctx.envelope.error.CryptoProviderException if the crypto self-check fails
     * @throws dev.ctx.schemas.topics.TopicSetupException if the topics are missing or misconfigured
     * @throws SealedSchemaNotRegisteredException if {@code auto.register.schemas=false} and the sealed-record schema
     *     is not registered under its subject
     */
    public static ProcessorApplication start(ProcessorConfig config) {
        StreamsProperties.validate(config);
        EnvelopeSelfCheck.run();
        TopicNames topics = config.topicNames();
        publishSealedSchema(config);
        ensureTopics(config, topics);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, config.metricsHost(), config.metricsPort());
        TopologySerdes serdes = TopologySerdes.create(config.serdeConfig(), config.transactionWriterSchemas());
        try {
            ProcessorApplication application = create(config, topics, registry, serdes, endpoint);
            application.run();
            LOGGER.atInfo()
                    .addKeyValue("instanceId", config.instanceId())
                    .addKeyValue("metricsPort", endpoint.port())
                    .addKeyValue("mode", config.encryptionMode().configValue())
                    .addKeyValue(
                            "keyringSigningKeyFingerprint",
                            keyringTrust(config).signingKey().fingerprint())
                    .log("processor started");
            return application;
        } catch (RuntimeException e) {
            endpoint.close();
            serdes.close();
            throw e;
        }
    }

    private static ProcessorApplication create(
            ProcessorConfig config,
            TopicNames topics,
            PrometheusMeterRegistry registry,
            TopologySerdes serdes,
            PrometheusEndpoint endpoint) {
        MicrometerProcessorMetrics metrics = new MicrometerProcessorMetrics(registry);
        String source = "processor/" + config.instanceId();
        DeadLetters deadLetters = new DeadLetters(source, Clock.systemUTC());
        EnvelopeLibrarySealer withReceipts = EnvelopeLibrarySealer.create(config.wrapMode(), config.epochPolicy());
        EnvelopeLibrarySealer sealer = config.receiptsEnabled() ? withReceipts : withReceipts.withoutReceipts();
        EncryptionSettings settings = new EncryptionSettings(
                config.encryptionMode(),
                new InstrumentedSealer(sealer, metrics),
                metrics,
                deadLetters,
                source,
                Clock.systemUTC());
        DeadLetterRecords deadLetterRecords =
                new DeadLetterRecords(topics.deadLetters(), serdes.deadLetter().serializer(), deadLetters, metrics);
        KafkaStreams streams = new KafkaStreams(
                EncryptionTopology.build(topics, serdes, settings, keyringTrust(config)),
                StreamsProperties.of(config, deadLetterRecords));
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        Optional<KafkaStreams> rewrap = RewrapApplication.create(config, topics, serdes, registry, metrics);
        Optional<SealerApplication.Sealer> auditSealer =
                SealerApplication.create(config, topics.deadLetters(), serdes, registry, metrics);
        return new ProcessorApplication(streams, streamsMetrics, endpoint, serdes, rewrap, auditSealer);
    }

    /** The pins every keyring on {@code participant-keys} is checked against. */
    static KeyringTrust keyringTrust(ProcessorConfig config) {
        return new KeyringTrust(config.keyringSigningKey(), config.escrowFingerprints());
    }

    /**
     * Registers the sealed record's schema under its own subject (or, with {@code auto.register.schemas=false}, checks
     * that it is there) before anything is sealed with it, so every consumer can fetch it.
     *
     * @throws SealedSchemaNotRegisteredException if it must be registered beforehand and is not
     */
    static int publishSealedSchema(ProcessorConfig config) {
        Map<String, Object> serdeConfig = config.serdeConfig();
        boolean autoRegister =
                AvroSerdeConfig.from(new ConfigValues(serdeConfig)).autoRegisterSchemas();
        Schema sealedSchema = ConfidentialFields.ofTransaction().schema();
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(serdeConfig)) {
            int id = SealedSchemaPublisher.publish(registry, sealedSchema, autoRegister);
            LOGGER.atInfo()
                    .addKeyValue("subject", SealedSchemaPublisher.subjectOf(sealedSchema))
                    .addKeyValue("schemaId", id)
                    .addKeyValue("fingerprint", SealedSchemaPublisher.fingerprintHex(sealedSchema))
                    .log(autoRegister ? "sealed-record schema registered" : "sealed-record schema found");
            return id;
        }
    }

    private static void ensureTopics(ProcessorConfig config, TopicNames topics) {
        try (Admin admin = Admin.create(AdminClientProperties.of(config))) {
            TopicProvisioner provisioner =
                    new TopicProvisioner(admin, config.topicPartitions(), config.topicReplicationFactor());
            provisioner.ensure(EncryptionTopics.specs(topics), config.createTopics());
            if (config.auditSealerEnabled()) {
                provisioner.ensure(AuditTopics.specs(config.auditTopicNames()), config.createTopics());
            }
            CommandTopicPartitions.check(admin, topics);
        }
    }

    private void run() {
        streams.setUncaughtExceptionHandler(failure -> {
            LOGGER.atError()
                    .addKeyValue("error", failure.getClass().getSimpleName())
                    .log("stream thread failed; shutting the processor down");
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((next, previous) -> {
            if (next == KafkaStreams.State.NOT_RUNNING || next == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        streams.start();
        rewrap.ifPresent(this::runRewrap);
        sealer.ifPresent(running -> runSide(running.streams(), "access-log sealer"));
    }

    /** The rewrap streams stop the processor when they fail, as the encryption streams do. */
    private void runRewrap(KafkaStreams rewrapStreams) {
        runSide(rewrapStreams, "rewrap");
    }

    /** A side application (rewrap, sealer) stops the processor when it fails, as the encryption streams do. */
    private void runSide(KafkaStreams sideStreams, String name) {
        sideStreams.setUncaughtExceptionHandler(failure -> {
            LOGGER.atError()
                    .addKeyValue("application", name)
                    .addKeyValue("error", failure.getClass().getSimpleName())
                    .log("side stream thread failed; shutting the processor down");
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        sideStreams.setStateListener((next, previous) -> {
            if (next == KafkaStreams.State.ERROR) {
                failed = true;
                stopped.countDown();
            }
        });
        sideStreams.start();
    }

    /** The Kafka Streams state. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Waits up to {@code timeout} for Kafka Streams to reach RUNNING; returns whether it did. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** The bound port of the Prometheus endpoint. */
    public int metricsPort() {
        return endpoint.port();
    }

    /** Blocks until Kafka Streams stops; returns whether it stopped in error. */
    public boolean awaitStop() throws InterruptedException {
        stopped.await();
        return failed || streams.state() == KafkaStreams.State.ERROR;
    }

    @Override
    public void close() {
        sealer.ifPresent(SealerApplication.Sealer::close);
        rewrap.ifPresent(rewrapStreams -> rewrapStreams.close(CLOSE_TIMEOUT));
        streams.close(CLOSE_TIMEOUT);
        streamsMetrics.close();
        endpoint.close();
        serdes.close();
        stopped.countDown();
    }
}
