package dev.ctx.processor.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ctx.schemas.topics.MissingTopicsException;
import dev.ctx.schemas.topics.TopicPolicyMismatchException;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.testkit.kafka.SharedKafka;

class TopicProvisionerIT {

    private Admin admin;
    private TopicNames names;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()));
        String suffix = SharedKafka.uniqueName("");
        names = new TopicNames(
                "tx" + suffix,
                "enc" + suffix,
                "env" + suffix,
                "keys" + suffix,
                "events" + suffix,
                "dlq" + suffix,
                "commands" + suffix,
                "receipts" + suffix);
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void createsMissingTopicsWithTheirCleanupPolicies() throws Exception {
        // Given
        TopicProvisioner provisioner = new TopicProvisioner(admin, 2, (short) 1);

        // When
        provisioner.ensure(EncryptionTopics.specs(names), true);

        // Then
        assertThat(cleanupPolicy(names.envelopes())).isEqualTo("compact");
        assertThat(cleanupPolicy(names.participantKeys())).isEqualTo("compact");
        assertThat(cleanupPolicy(names.encrypted())).isEqualTo("delete");
        assertThat(cleanupPolicy(names.deadLetters())).isEqualTo("delete");
        assertThat(admin.describeTopics(List.of(names.transactions()))
                        .allTopicNames()
                        .get()
                        .get(names.transactions())
                        .partitions())
                .hasSize(2);
    }

    @Test
    void isIdempotentOnTopicsItCreated() {
        // Given
        TopicProvisioner provisioner = new TopicProvisioner(admin, 1, (short) 1);
        provisioner.ensure(EncryptionTopics.specs(names), true);

        // When / Then
        provisioner.ensure(EncryptionTopics.specs(names), false);
    }

    @Test
    void namesEveryMissingTopicWhenCreationIsDisabled() throws Exception {
        // Given
        create(names.transactions(), "delete");
        TopicProvisioner provisioner = new TopicProvisioner(admin, 1, (short) 1);

        // When / Then
        assertThatThrownBy(() -> provisioner.ensure(EncryptionTopics.specs(names), false))
                .isInstanceOf(MissingTopicsException.class)
                .hasMessageContaining(names.envelopes())
                .hasMessageContaining(names.participantKeys())
                .hasMessageContaining(names.envelopeCommands())
                .hasMessageNotContaining(names.transactions() + ",")
                .satisfies(
                        e -> assertThat(((MissingTopicsException) e).missing()).hasSize(7));
    }

    @Test
    void rejectsAnEnvelopeTopicThatIsNotCompacted() throws Exception {
        // Given
        create(names.envelopes(), "delete");
        TopicProvisioner provisioner = new TopicProvisioner(admin, 1, (short) 1);

        // When / Then
        assertThatThrownBy(() -> provisioner.ensure(EncryptionTopics.specs(names), true))
                .isInstanceOf(TopicPolicyMismatchException.class)
                .hasMessageContaining(names.envelopes())
                .hasMessageContaining("expected compact");
    }

    private void create(String topic, String policy) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.of((short) 1))
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, policy))))
                .all()
                .get(30, TimeUnit.SECONDS);
        awaitMetadata(topic);
    }

    /** A new topic's metadata reaches the broker's cache a moment after createTopics returns: wait for it. */
    private void awaitMetadata(String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private String cleanupPolicy(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                .value();
    }
}
