package dev.ctx.processor.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** The consumer group of a fixture's processor instances, as the broker describes it. */
public final class ApplicationGroup {

    private ApplicationGroup() {}

    /**
     * Waits until the application's consumer group has exactly {@code members} members, each assigned at least one
     * partition of the input topic.
     *
     * @throws AssertionError if it does not settle within {@link ProcessorFixture#TIMEOUT}
     */
    public static void awaitMembersWithInput(ProcessorFixture fixture, int members)
            throws InterruptedException, ExecutionException {
        Predicate<ConsumerGroupDescription> settled = group -> group.members().size() == members
                && group.members().stream().allMatch(member -> holdsInput(member, fixture));
        Instant deadline = Instant.now().plus(ProcessorFixture.TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap))) {
            Optional<ConsumerGroupDescription> group;
            do {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the group did not settle on " + members + " members");
                }
                Thread.sleep(250);
                group = describe(admin, fixture.applicationId);
            } while (group.filter(settled).isEmpty());
        }
    }

    /** The group, or empty before its first member joined. */
    private static Optional<ConsumerGroupDescription> describe(Admin admin, String groupId)
            throws InterruptedException, ExecutionException {
        try {
            return Optional.of(admin.describeConsumerGroups(List.of(groupId))
                    .describedGroups()
                    .get(groupId)
                    .get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean holdsInput(MemberDescription member, ProcessorFixture fixture) {
        return member.assignment().topicPartitions().stream()
                .anyMatch(partition -> partition.topic().equals(fixture.topics.transactions()));
    }
}
