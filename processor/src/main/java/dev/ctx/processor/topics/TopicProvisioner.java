package dev.ctx.processor.topics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the processor's topics exist with the right cleanup policy: creates the missing ones (or names them when
 * creation is disabled) and rejects an existing topic whose cleanup policy differs.
 */
public final class TopicProvisioner {

    private static final Logger LOGGER = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 60;

    private final Admin admin;
    private final int partitions;
    private final short replicationFactor;

    /**
     * @param replicationFactor -1 for the broker default
     */
    public TopicProvisioner(Admin admin, int partitions, short replicationFactor) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /**
     * @param create whether missing topics may be created
     * @throws MissingTopicsException if topics are missing and {@code create} is false
     * @throws TopicPolicyMismatchException if an existing topic has another cleanup policy
     */
    public void ensure(List<TopicSpec> specs, boolean create) {
        Set<String> existing = call(() -> admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        List<TopicSpec> missing = specs.stream().filter(spec -> !existing.contains(spec.name())).toList();
        if (!missing.isEmpty() && !create) {
            throw new MissingTopicsException(missing.stream().map(TopicSpec::name).toList());
        }
        create(missing);
        specs.stream().filter(spec -> existing.contains(spec.name())).forEach(this::verifyPolicy);
    }

    private void create(Collection<TopicSpec> missing) {
        for (TopicSpec spec : missing) {
            NewTopic topic = new NewTopic(spec.name(), Optional.of(partitions), Optional.of(replicationFactor))
                    .configs(spec.configs());
            call(() -> createIgnoringRace(topic));
            LOGGER.atInfo().addKeyValue("topicName", spec.name())
                    .addKeyValue("cleanupPolicy", spec.cleanupPolicy().configValue()).log("created topic");
        }
    }

    private Void createIgnoringRace(NewTopic topic) throws Exception {
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        return null;
    }

    private void verifyPolicy(TopicSpec spec) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Map<ConfigResource, Config> configs = call(() -> admin.describeConfigs(List.of(resource)).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        String actual = configs.get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policyMatches(spec.cleanupPolicy(), actual)) {
            throw new TopicPolicyMismatchException(spec.name(), spec.cleanupPolicy(), actual);
        }
    }

    static boolean policyMatches(CleanupPolicy expected, String actual) {
        List<String> policies = List.of(actual.replace(" ", "").split(","));
        return policies.size() == 1 && policies.get(0).equals(expected.configValue());
    }

    private static <T> T call(AdminCall<T> call) {
        try {
            return call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException("interrupted while checking topics", e);
        } catch (Exception e) {
            throw new TopicSetupException("cannot check or create topics: " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @FunctionalInterface
    private interface AdminCall<T> {
        T run() throws Exception;
    }
}
