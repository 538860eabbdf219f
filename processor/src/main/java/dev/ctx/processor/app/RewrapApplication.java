package dev.ctx.processor.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.config.RewrapKeys;
import dev.ctx.processor.dlq.DeadLetterRecords;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.metrics.MicrometerProcessorMetrics;
import dev.ctx.processor.metrics.MicrometerRewrapMetrics;
import dev.ctx.processor.rewrap.HttpRewrapClient;
import dev.ctx.processor.rewrap.RewrapSettings;
import dev.ctx.processor.rewrap.RewrapTopology;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topology.StreamsProperties;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.schemas.topics.TopicSpec;

/**
 * The rewrap topology as its own Kafka Streams application ({@code rewrap.application.id}, default
 * {@code ctx-rewrap}) beside the encryption one, in the same process and on the same Prometheus registry. Started only
 * when {@value RewrapKeys#URL_CONFIG} is set.
 */
final class RewrapApplication {

    private static final Logger LOGGER = LoggerFactory.getLogger(RewrapApplication.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private RewrapApplication() {}

    /** The rewrap streams, not started; empty when the rewrap topology is not configured. */
    static Optional<KafkaStreams> create(
            ProcessorConfig config,
            TopicNames topics,
            TopologySerdes serdes,
            MeterRegistry registry,
            MicrometerProcessorMetrics metrics) {
        Optional<URI> url = config.rewrapKeyServiceUrl();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String source = "processor/" + config.instanceId() + "/rewrap";
        int partitions = ensureProgressTopic(config, topics);
        DeadLetters deadLetters = new DeadLetters(source, Clock.systemUTC());
        RewrapSettings settings = new RewrapSettings(
                HttpRewrapClient.create(url.get(), config.rewrapToken(), tls(config), config.rewrapTimeout()),
                config.rewrapBatchSize(),
                config.rewrapInterval(),
                new MicrometerRewrapMetrics(registry),
                deadLetters,
                source,
                config.rewrapProgressTopic(),
                partitions);
        Properties props = StreamsProperties.of(
                config,
                new DeadLetterRecords(topics.deadLetters(), serdes.deadLetter().serializer(), deadLetters, metrics));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.rewrapApplicationId());
        LOGGER.atInfo()
                .addKeyValue("applicationId", config.rewrapApplicationId())
                .addKeyValue("keyService", url.get().toString())
                .log("rewrap topology enabled");
        return Optional.of(new KafkaStreams(
                RewrapTopology.build(
                        topics,
                        serdes.keyring(),
                        serdes.envelope(),
                        serdes.accessEvent(),
                        serdes.deadLetter(),
                        ProcessorApplication.keyringTrust(config),
                        settings),
                props));
    }

    /**
     * Ensures the compacted progress topic (created like the other topics, if {@code topics.create}) and returns the
     * partition count of {@code transactions.envelopes}: the retirement decision waits for that many partitions.
     */
    static int ensureProgressTopic(ProcessorConfig config, TopicNames topics) {
        try (Admin admin = Admin.create(AdminClientProperties.of(config))) {
            new TopicProvisioner(admin, config.topicPartitions(), config.topicReplicationFactor())
                    .ensure(
                            List.of(new TopicSpec(config.rewrapProgressTopic(), CleanupPolicy.COMPACT)),
                            config.createTopics());
            TopicDescription envelopes = admin.describeTopics(List.of(topics.envelopes()))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topics.envelopes());
            return envelopes.partitions().size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topics.envelopes(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topics.envelopes(), e);
        }
    }

    /** The TLS context trusting {@code rewrap.key.service.truststore.path}, if set. */
    static Optional<SSLContext> tls(ProcessorConfig config) {
        return tls(config.rewrapTruststore(), config.rewrapTruststorePassword(), RewrapKeys.TRUSTSTORE_PATH_CONFIG);
    }

    /** The TLS context trusting the PKCS#12 store at {@code path}, if set; errors name {@code key}. */
    static Optional<SSLContext> tls(Optional<Path> path, Optional<String> storePassword, String key) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        char[] password = storePassword.orElse("").toCharArray();
        try (InputStream in = Files.newInputStream(path.get())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(key, path.get().toString(), e.getMessage());
        }
    }
}
