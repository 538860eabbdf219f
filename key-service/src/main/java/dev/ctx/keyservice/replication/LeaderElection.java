package dev.ctx.keyservice.replication;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.schemas.topics.TopicSpec;

/**
 * The leader election: a consumer in the group {@code replication.group.id} subscribed to the one-partition topic
 * {@code replication.topic}; the group coordinator assigns the partition to exactly one live member, which leads
 * ({@link LeaderRole}). A leader that dies or freezes stops heartbeating and loses the partition after the session
 * timeout; a frozen one that wakes up learns it on its next poll (and its stale producer is fenced meanwhile). A
 * follower looks up who leads (the member's client id is its {@code service.instance}) for its refusals.
 */
public final class LeaderElection implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(LeaderElection.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LEADER_LOOKUP_INTERVAL = Duration.ofSeconds(2);
    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);

    private final ReplicationSettings settings;
    private final LeaderRole role;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Admin admin;
    private final Duration timeout;
    private final Thread thread;
    private volatile boolean closed;
    private volatile String leader;
    private long lastLookup;

    private LeaderElection(
            ReplicationSettings settings, LeaderRole role, Map<String, Object> client, Duration timeout) {
        this.settings = settings;
        this.role = role;
        this.timeout = timeout;
        this.consumer = new KafkaConsumer<>(
                consumerProperties(settings, client), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.admin = Admin.create(client);
        this.thread = new Thread(this::run, "leader-election");
        this.thread.setDaemon(true);
    }

    /**
     * Creates the election topic if missing (with {@code createTopics}), joins the group and waits until the first
     * assignment said whether this replica leads.
     *
     * @param client {@code bootstrap.servers} and security settings
     * @param timeout how long the topic check and the first assignment may take
     * @throws StoreUnavailableException if the group did not assign within {@code timeout} plus the session timeout
     */
    public static LeaderElection start(
            ReplicationSettings settings,
            Map<String, Object> client,
            boolean createTopics,
            Duration timeout,
            LeaderRole.Listener listener) {
        try (Admin topics = Admin.create(client)) {
            new TopicProvisioner(topics, 1, (short) -1, timeout)
                    .ensure(List.of(new TopicSpec(settings.topic(), CleanupPolicy.DELETE)), createTopics);
        }
        LeaderElection election =
                new LeaderElection(settings, new LeaderRole(settings.topic(), listener), client, timeout);
        election.thread.start();
        long waitMs = timeout.plus(settings.sessionTimeout()).toMillis();
        try {
            if (!election.role.awaitFirstAssignment(waitMs, TimeUnit.MILLISECONDS)) {
                election.close();
                throw new StoreUnavailableException(
                        "the leader election assigned nothing within " + waitMs + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            election.close();
            throw new StoreUnavailableException("interrupted while joining the leader election", e);
        }
        return election;
    }

    static Map<String, Object> consumerProperties(ReplicationSettings settings, Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        int sessionMs = (int) settings.sessionTimeout().toMillis();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.instance());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionMs);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(sessionMs / 4, 500));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // sticky and incremental: a replica that joins or rejoins never takes the partition from a live leader, and a
        // rebalance revokes nothing from a leader that keeps it (no needless failover)
        props.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                List.of(CooperativeStickyAssignor.class.getName()));
        return props;
    }

    public boolean isLeader() {
        return role.isLeader();
    }

    /** The leader's {@code service.instance}: this replica's while it leads, else the last one looked up. */
    public Optional<String> leader() {
        return role.isLeader() ? Optional.of(settings.instance()) : Optional.ofNullable(leader);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), new Rebalance());
            while (!closed) {
                pollOnce();
            }
        } catch (WakeupException e) {
            // closed
        } finally {
            role.resign();
            consumer.close(LEAVE_TIMEOUT); // leaves the group: another replica takes over without the session timeout
        }
    }

    private void pollOnce() {
        try {
            var unused = consumer.poll(POLL); // no records: the assignment is the point
            if (!role.isLeader() && System.nanoTime() - lastLookup > LEADER_LOOKUP_INTERVAL.toNanos()) {
                lastLookup = System.nanoTime();
                leader = lookUpLeader();
            }
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOGGER.atWarn()
                    .addKeyValue("group", settings.groupId())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("leader election poll failed; retrying");
        }
    }

    /** The client id of the member assigned partition 0, or null if none or unknown. */
    private String lookUpLeader() {
        TopicPartition partition = new TopicPartition(settings.topic(), 0);
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(settings.groupId()))
                    .describedGroups()
                    .get(settings.groupId())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return group.members().stream()
                    .filter(m -> m.assignment().topicPartitions().contains(partition))
                    .map(MemberDescription::clientId)
                    .findFirst()
                    .orElse(null);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Resigns (a follower again), leaves the group so another replica takes over without waiting for the timeout. */
    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(LEAVE_TIMEOUT.plus(POLL).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ZERO);
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            role.assigned(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            role.revoked(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            role.revoked(partitions);
        }
    }
}
