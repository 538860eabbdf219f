package dev.ctx.processor.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.processor.audit.CheckpointSigner;
import dev.ctx.processor.audit.HttpCheckpointSigner;
import dev.ctx.processor.audit.MicrometerSealerMetrics;
import dev.ctx.processor.audit.SealerSettings;
import dev.ctx.processor.audit.SealerTopology;
import dev.ctx.processor.config.AuditSealerKeys;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.dlq.DeadLetterRecords;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.keyservice.KeyServiceHttp;
import dev.ctx.processor.metrics.MicrometerProcessorMetrics;
import dev.ctx.processor.topics.AuditTopicNames;
import dev.ctx.processor.topology.StreamsProperties;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.topics.TopicSetupException;

/**
 * The access-log sealer as its own Kafka Streams application ({@code audit.sealer.application.id}, default
 * {@code ctx-audit-sealer}) beside the encryption one, in the same process and on the same Prometheus registry. Runs
 * when {@value AuditSealerKeys#ENABLED_CONFIG} is true; refuses to start when its three topics do not have the same
 * number of partitions.
 */
final class SealerApplication {

    private static final Logger LOGGER = LoggerFactory.getLogger(SealerApplication.class);
    private static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(30);

    /** The sealer streams, not started, and the serdes to close with them. */
    record Sealer(
            KafkaStreams streams,
            ConfluentAvroSerde<SealedAccessEvent> sealed,
            ConfluentAvroSerde<AccessLogCheckpoint> checkpoints)
            implements AutoCloseable {

        @Override
        public void close() {
            streams.close(Duration.ofSeconds(30));
            sealed.close();
            checkpoints.close();
        }
    }

    private SealerApplication() {}

    /** The sealer, not started; empty when {@value AuditSealerKeys#ENABLED_CONFIG} is false. */
    static Optional<Sealer> create(
            ProcessorConfig config,
            String deadLetterTopic,
            TopologySerdes serdes,
            MeterRegistry registry,
            MicrometerProcessorMetrics metrics) {
        if (!config.auditSealerEnabled()) {
            return Optional.empty();
        }
        AuditTopicNames topics = config.auditTopicNames();
        try (Admin admin = Admin.create(AdminClientProperties.of(config))) {
            requireSamePartitionCount(admin, topics);
        }
        String source = "processor/" + config.instanceId() + "/audit-sealer";
        DeadLetters deadLetters = new DeadLetters(source, Clock.systemUTC());
        SealerSettings settings = new SealerSettings(
                signer(config),
                config.getLong(AuditSealerKeys.CHECKPOINT_EVENTS_CONFIG),
                config.auditMillis(AuditSealerKeys.CHECKPOINT_INTERVAL_MS_CONFIG),
                config.auditMillis(AuditSealerKeys.CHECKPOINT_RETRY_MS_CONFIG),
                config.getLong(AuditSealerKeys.DEDUP_WINDOW_CONFIG),
                new MicrometerSealerMetrics(registry),
                deadLetters);
        ConfluentAvroSerde<SealedAccessEvent> sealed = SealerTopology.entrySerde(config.serdeConfig());
        ConfluentAvroSerde<AccessLogCheckpoint> checkpoints =
                ConfluentAvroSerdes.forClass(AccessLogCheckpoint.class, config.serdeConfig(), false);
        Properties props = StreamsProperties.of(
                config,
                new DeadLetterRecords(deadLetterTopic, serdes.deadLetter().serializer(), deadLetters, metrics));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(AuditSealerKeys.APPLICATION_ID_CONFIG));
        LOGGER.atInfo()
                .addKeyValue("applicationId", config.getString(AuditSealerKeys.APPLICATION_ID_CONFIG))
                .addKeyValue(
                        "signer",
                        config.auditKeyServiceUrl().map(Object::toString).orElse("none"))
                .log(
                        config.auditKeyServiceUrl().isPresent()
                                ? "access-log sealer enabled"
                                : "access-log sealer enabled without a signer: it chains but writes no checkpoint");
        KafkaStreams streams = new KafkaStreams(
                SealerTopology.build(
                        topics,
                        deadLetterTopic,
                        serdes.accessEvent(),
                        sealed,
                        checkpoints,
                        serdes.deadLetter(),
                        settings),
                props);
        return Optional.of(new Sealer(streams, sealed, checkpoints));
    }

    private static CheckpointSigner signer(ProcessorConfig config) {
        return config.auditKeyServiceUrl()
                .<CheckpointSigner>map(url -> new HttpCheckpointSigner(KeyServiceHttp.create(
                        url,
                        config.auditToken(),
                        RewrapApplication.tls(
                                config.auditTruststore(),
                                config.auditTruststorePassword(),
                                AuditSealerKeys.TRUSTSTORE_PATH_CONFIG),
                        config.auditMillis(AuditSealerKeys.TIMEOUT_MS_CONFIG))))
                .orElseGet(CheckpointSigner::notConfigured);
    }

    /**
     * @throws TopicSetupException when the input and the two outputs differ in partition count (an entry or a
     *     checkpoint would land in another partition than the chain it belongs to)
     */
    static void requireSamePartitionCount(Admin admin, AuditTopicNames topics) {
        List<String> names = List.of(topics.accessEvents(), topics.accessLog(), topics.checkpoints());
        Map<String, TopicDescription> described;
        try {
            described =
                    admin.describeTopics(names).allTopicNames().get(DESCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new TopicSetupException("cannot describe the access-log topics " + names, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException("interrupted while describing the access-log topics", e);
        }
        long counts = names.stream()
                .mapToInt(name -> described.get(name).partitions().size())
                .distinct()
                .count();
        if (counts != 1) {
            StringBuilder found = new StringBuilder();
            names.forEach(name -> found.append(' ')
                    .append(name)
                    .append('=')
                    .append(described.get(name).partitions().size()));
            throw new TopicSetupException("the access-log topics must have the same number of partitions; found" + found
                    + ": the sealer does not start");
        }
    }
}
