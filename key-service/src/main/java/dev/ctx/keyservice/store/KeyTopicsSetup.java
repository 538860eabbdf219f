package dev.ctx.keyservice.store;

import org.apache.kafka.clients.admin.Admin;

import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.topics.MissingTopicsException;
import dev.ctx.schemas.topics.TopicPolicyMismatchException;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.schemas.topics.TopicSetupException;

/** Checks the key service's topics at startup, and creates the missing ones if configured. */
final class KeyTopicsSetup {

    private KeyTopicsSetup() {}

    /**
     * @throws TopicSetupException naming the topic when a key topic exists with another cleanup policy, or topics are
     *     missing and {@code topics.create=false}
     * @throws StoreUnavailableException when the topics cannot be checked or created
     */
    static void ensure(StoreConfig config) {
        try (Admin admin = Admin.create(config.clientProperties())) {
            new TopicProvisioner(admin, -1, (short) -1, config.timeout())
                    .ensure(config.topics().specs(), config.createTopics());
        } catch (TopicSetupException e) {
            if (e instanceof TopicPolicyMismatchException || e instanceof MissingTopicsException) {
                throw e;
            }
            throw new StoreUnavailableException("cannot check or create the key service topics", e);
        }
    }
}
