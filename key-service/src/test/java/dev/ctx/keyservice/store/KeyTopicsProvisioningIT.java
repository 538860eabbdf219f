package dev.ctx.keyservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicPolicyMismatchException;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.schemas.topics.TopicSpec;
import dev.ctx.testkit.kafka.SharedKafka;

/** The key service's topics through the shared provisioner: what it creates, what it refuses, and the create race. */
class KeyTopicsProvisioningIT {

    @TempDir
    Path dir;

    private Admin admin;
    private StoreTopics topics;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()));
        topics = StoreTopics.withSuffix("-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"participantKeys", "keyCustody"})
    void refusesToStartOnAPreExistingKeyTopicWithDeletePolicy(String which) throws Exception {
        // Given: a key topic someone created with the default policy, which would drop keys at retention
        String topic = which.equals("participantKeys") ? topics.participantKeys() : topics.keyCustody();
        create(topic, TopicConfig.CLEANUP_POLICY_DELETE);

        // When / Then
        assertThatThrownBy(() -> StoreFixture.start(dir, Clock.systemUTC(), topics))
                .isInstanceOf(TopicPolicyMismatchException.class)
                .hasMessageContaining(topic)
                .hasMessageContaining("expected compact");
    }

    @Test
    void createsKeyCustodyCompactedWithABoundedCompactionLag() throws Exception {
        // When
        try (StoreFixture ignored = StoreFixture.start(dir, Clock.systemUTC(), topics)) {
            // Then
            Config custody = config(topics.keyCustody());
            assertThat(custody.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(custody.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value())
                    .isEqualTo("86400000");
            assertThat(custody.get(TopicConfig.SEGMENT_MS_CONFIG).value()).isEqualTo("3600000");
            assertThat(config(topics.participantKeys())
                            .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                            .value())
                    .isEqualTo("compact");
            assertThat(config(topics.accessEvents())
                            .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                            .value())
                    .isEqualTo("delete");
        }
    }

    @Test
    void toleratesAnotherInstanceCreatingTheSameTopicFirst() throws Exception {
        // Given: another instance creates the topic, correctly, between our listing and our create
        TopicSpec spec = new TopicSpec(topics.keyCustody(), CleanupPolicy.COMPACT);
        try (Admin racing = racingAdmin(name -> TopicConfig.CLEANUP_POLICY_COMPACT)) {
            // When
            new TopicProvisioner(racing, -1, (short) -1, Duration.ofSeconds(30)).ensure(List.of(spec), true);
        }

        // Then
        assertThat(config(topics.keyCustody())
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                        .value())
                .isEqualTo("compact");
    }

    @Test
    void checksThePolicyOfATopicAnotherInstanceCreatedFirst() throws Exception {
        // Given: the racing creator used the wrong policy
        TopicSpec spec = new TopicSpec(topics.keyCustody(), CleanupPolicy.COMPACT);
        try (Admin racing = racingAdmin(name -> TopicConfig.CLEANUP_POLICY_DELETE)) {
            // When / Then
            assertThatThrownBy(() -> new TopicProvisioner(racing, -1, (short) -1, Duration.ofSeconds(30))
                            .ensure(List.of(spec), true))
                    .isInstanceOf(TopicPolicyMismatchException.class)
                    .hasMessageContaining(topics.keyCustody());
        }
    }

    /** An admin whose every create is preceded by another client creating the same topics with {@code policy}. */
    private Admin racingAdmin(Function<String, String> policy) {
        return new ForwardingAdmin(Map.of("bootstrap.servers", SharedKafka.bootstrapServers())) {
            @Override
            public CreateTopicsResult createTopics(Collection<NewTopic> newTopics, CreateTopicsOptions options) {
                for (NewTopic topic : newTopics) {
                    try {
                        create(topic.name(), policy.apply(topic.name()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return super.createTopics(newTopics, options);
            }
        };
    }

    private void create(String topic, String policy) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, policy))))
                .all()
                .get(30, TimeUnit.SECONDS);
        // the controller acknowledged it; wait until the broker's metadata shows it too
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private Config config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource);
    }
}
