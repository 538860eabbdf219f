package dev.ctx.processor.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import dev.ctx.client.auditlog.AccessLogSink;
import dev.ctx.client.auditlog.AccessLogTopics;
import dev.ctx.client.auditlog.AccessLogVerifier;
import dev.ctx.client.auditlog.BrokerAccessLog;
import dev.ctx.client.auditlog.SigningKeys;
import dev.ctx.client.auditlog.VerificationReport;
import dev.ctx.processor.config.AuditSealerKeys;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.topics.AuditTopicNames;
import dev.ctx.processor.topics.AuditTopics;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * The sealed access log of one test: its own {@code access-log} and checkpoints topics over a fixture's access-event
 * topic, the configuration that turns the sealer on beside the encryption topology, and a read-back through {@link
 * AccessLogVerifier} that also counts how often each event id was sealed. Checkpoints are unsigned here (no key
 * service): the check is about the chain.
 */
public final class SealedAccessLog {

    private final ProcessorFixture fixture;
    private final String registryUrl;
    private final AuditTopicNames topics;
    private final String sealerApplicationId = SharedKafka.uniqueName("ctx-audit-sealer-it");

    private SealedAccessLog(ProcessorFixture fixture, String registryUrl, AuditTopicNames topics) {
        this.fixture = fixture;
        this.registryUrl = registryUrl;
        this.topics = topics;
    }

    /** Creates this test's access-log topics on the fixture's broker, with {@code partitions} partitions each. */
    public static SealedAccessLog provision(ProcessorFixture fixture, String registryUrl, int partitions) {
        String suffix = SharedKafka.uniqueName("");
        AuditTopicNames topics = new AuditTopicNames(
                fixture.topics.accessEvents(), "access-log" + suffix, "access-log.checkpoints" + suffix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap))) {
            new TopicProvisioner(admin, partitions, (short) 1).ensure(AuditTopics.specs(topics), true);
        }
        return new SealedAccessLog(fixture, registryUrl, topics);
    }

    public AuditTopicNames topics() {
        return topics;
    }

    /** {@code config} with the sealer on, always under this log's one sealer application id. */
    public Map<String, String> withSealer(Map<String, String> config) {
        Map<String, String> sealing = new HashMap<>(config);
        sealing.put(AuditSealerKeys.ENABLED_CONFIG, "true");
        sealing.put(AuditSealerKeys.APPLICATION_ID_CONFIG, sealerApplicationId);
        sealing.put(AuditSealerKeys.TOPIC_ACCESS_LOG_CONFIG, topics.accessLog());
        sealing.put(AuditSealerKeys.TOPIC_CHECKPOINTS_CONFIG, topics.checkpoints());
        return sealing;
    }

    /** The sealer's own topics on the broker: the two log topics and its changelogs. */
    public List<String> sealerTopics() {
        return fixture.topicsMatching(name -> name.startsWith(sealerApplicationId)
                || name.equals(topics.accessLog())
                || name.equals(topics.checkpoints()));
    }

    /** Reads the committed log to its end through the verifier. */
    public Verified verify() {
        AccessLogTopics logTopics = new AccessLogTopics(topics.accessLog(), topics.checkpoints());
        AccessLogVerifier verifier = new AccessLogVerifier(SigningKeys.of(List.of()), logTopics);
        Map<String, Integer> sealedTimes = new HashMap<>();
        new BrokerAccessLog(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap),
                        Map.of(ProcessorConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl),
                        logTopics)
                .readInto(new Tee(verifier, sealedTimes));
        return new Verified(verifier.finish(), sealedTimes);
    }

    /** What the verifier found, and how many times each event id is in the log. */
    public record Verified(VerificationReport report, Map<String, Integer> sealedTimes) {}

    /** Feeds the verifier and counts how often each event id was sealed. */
    private record Tee(AccessLogVerifier verifier, Map<String, Integer> sealedTimes) implements AccessLogSink {

        @Override
        public void checkpoint(int partition, long offset, AccessLogCheckpoint checkpoint) {
            verifier.checkpoint(partition, offset, checkpoint);
        }

        @Override
        public void entry(int partition, long offset, String key, SealedAccessEvent entry) {
            verifier.entry(partition, offset, key, entry);
            sealedTimes.merge(entry.getEventId(), 1, Integer::sum);
        }

        @Override
        public void undecodable(String topic, int partition, long offset, byte[] value, String reason) {
            verifier.undecodable(topic, partition, offset, value, reason);
        }

        @Override
        public void endOfEntries(int partition, long endOffset) {
            verifier.endOfEntries(partition, endOffset);
        }
    }
}
