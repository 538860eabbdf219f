package dev.ctx.keyservice.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import dev.ctx.keyservice.registry.StoreUnavailableException;

/** Creates the store's topics when missing: both key topics compacted, the access-event topic with delete policy. */
final class TopicProvisioner {

    private TopicProvisioner() {
    }

    static void ensureTopics(StoreConfig config) {
        try (Admin admin = Admin.create(config.clientProperties())) {
            Set<String> existing = admin.listTopics().names().get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = wanted(config.topics()).stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("cannot create the key service topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while creating topics", e);
        }
    }

    private static List<NewTopic> wanted(StoreTopics topics) {
        return List.of(compacted(topics.participantKeys()), compacted(topics.keyCustody()),
                new NewTopic(topics.accessEvents(), java.util.Optional.empty(), java.util.Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)));
    }

    private static NewTopic compacted(String name) {
        return new NewTopic(name, java.util.Optional.empty(), java.util.Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
}
