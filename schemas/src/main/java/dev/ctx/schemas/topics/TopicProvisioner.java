package dev.ctx.schemas.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a component's topics exist with the right cleanup policy: creates the missing ones with their configs (or
 * names them when creation is disabled) and rejects an existing topic whose cleanup policy differs, naming it. A topic
 * another instance created between the listing and the create ({@link TopicExistsException}) counts as existing: its
 * policy is checked like any other. Takes an {@link Admin} the caller built (and closes) with its own client settings.
 */
public final class TopicProvisioner {

    private static final Logger LOGGER = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final long RETRY_MS = 50;

    private final Admin admin;
    private final Optional<Integer> partitions;
    private final Optional<Short> replicationFactor;
    private final long timeoutMs;

    /**
     * @param partitions -1 for the broker default
     * @param replicationFactor -1 for the broker default
     */
    public TopicProvisioner(Admin admin, int partitions, short replicationFactor) {
        this(admin, partitions, replicationFactor, DEFAULT_TIMEOUT);
    }

    /**
     * @param partitions -1 for the broker default
     * @param replicationFactor -1 for the broker default
     * @param timeout how long each admin call may take
     */
    public TopicProvisioner(Admin admin, int partitions, short replicationFactor, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.partitions = partitions < 0 ? Optional.empty() : Optional.of(partitions);
        this.replicationFactor = replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor);
        this.timeoutMs = timeout.toMillis();
    }

    /**
     * @param create whether missing topics may be created
     * @throws MissingTopicsException if topics are missing and {@code create} is false
     * @throws TopicPolicyMismatchException if an existing topic has another cleanup policy
     */
    public void ensure(List<TopicSpec> specs, boolean create) {
        Set<String> existing = call(() -> admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS));
        List<TopicSpec> missing =
                specs.stream().filter(spec -> !existing.contains(spec.name())).toList();
        if (!missing.isEmpty() && !create) {
            throw new MissingTopicsException(
                    missing.stream().map(TopicSpec::name).toList());
        }
        for (TopicSpec spec : missing) {
            call(() -> createUnlessRaced(spec));
        }
        // every topic, created here, by a racing client or earlier: this also waits until a new one is visible
        specs.forEach(this::verifyPolicy);
    }

    /**
     * True if this call created the topic; false if another client created it first (its policy is checked like any).
     */
    private boolean createUnlessRaced(TopicSpec spec) throws Exception {
        NewTopic topic = new NewTopic(spec.name(), partitions, replicationFactor).configs(spec.configs());
        try {
            admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                LOGGER.atInfo()
                        .addKeyValue("topicName", spec.name())
                        .log("topic created concurrently by another client");
                return false;
            }
            throw e;
        }
        LOGGER.atInfo()
                .addKeyValue("topicName", spec.name())
                .addKeyValue("cleanupPolicy", spec.cleanupPolicy().configValue())
                .log("created topic");
        return true;
    }

    private void verifyPolicy(TopicSpec spec) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Map<ConfigResource, Config> configs = call(() -> describeOnceVisible(resource));
        String actual =
                configs.get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policyMatches(spec.cleanupPolicy(), actual)) {
            throw new TopicPolicyMismatchException(spec.name(), spec.cleanupPolicy(), actual);
        }
    }

    /** A just-created topic may not be in the broker's metadata yet: retry until it is, within the timeout. */
    private Map<ConfigResource, Config> describeOnceVisible(ConfigResource resource) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            try {
                return admin.describeConfigs(List.of(resource)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(RETRY_MS);
            }
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
