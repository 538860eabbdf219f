package dev.ctx.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.keyservice.config.KeyServiceConfig;
import dev.ctx.keyservice.config.KeyServiceConfigDef;
import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.processor.topics.EncryptionTopics;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.schemas.topics.TopicSpec;

/**
 * The Strimzi {@code KafkaUser} ACLs in deploy/strimzi/users.yaml: only the key service may write the key topics and
 * read the sealed private keys; the processor and the consumers get exactly the access they need.
 */
class KafkaUserAclsTest {

    private static final List<JsonNode> USERS =
            DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("strimzi/users.yaml"));

    @Test
    void onlyTheKeyServiceWritesTheKeyTopics() {
        assertThat(principalsAllowed("Write", "participant-keys")).containsExactly("ctx-key-service");
        assertThat(principalsAllowed("Write", "key-custody")).containsExactly("ctx-key-service");
        for (String mutation : List.of("Alter", "AlterConfigs", "Delete", "Create")) {
            assertThat(principalsAllowed(mutation, "participant-keys"))
                    .as(mutation)
                    .isEmpty();
            assertThat(principalsAllowed(mutation, "key-custody")).as(mutation).isEmpty();
        }
    }

    @Test
    void onlyTheKeyServiceReadsAndWritesTheGrants() {
        assertThat(principalsAllowed("Write", "access-grants")).containsExactly("ctx-key-service");
        assertThat(principalsAllowed("Read", "access-grants")).containsExactly("ctx-key-service");
    }

    @Test
    void onlyTheKeyServiceReadsTheSealedPrivateKeys() {
        assertThat(principalsAllowed("Read", "key-custody")).containsExactly("ctx-key-service");
    }

    @Test
    void theProcessorReadsItsInputsAndWritesOnlyItsOutputs() {
        assertThat(principalsAllowed("Read", "transactions")).containsExactly("ctx-processor");
        assertThat(principalsAllowed("Read", "participant-keys"))
                .containsExactlyInAnyOrder("ctx-key-service", "ctx-processor", "ctx-consumer");
        for (String output : List.of(
                "transactions.encrypted", "transactions.envelopes", "transactions.dlq", "transactions.receipts")) {
            assertThat(principalsAllowed("Write", output)).as(output).containsExactly("ctx-processor");
        }
    }

    @Test
    void consumersReadSealedRecordsEnvelopesAndKeyringsOnly() {
        assertThat(topicsReadableBy("ctx-consumer"))
                .containsExactlyInAnyOrder(
                        "transactions.encrypted",
                        "transactions.envelopes",
                        "participant-keys",
                        "transactions.receipts");
    }

    @Test
    void theProcessorMayReadTheConfigsOfEveryTopicItChecksAtStartup() {
        // Given: the topics the processor checks (cleanup.policy) before it starts, with topics.create=false
        List<String> checked = new ArrayList<>(EncryptionTopics.specs(TopicNames.defaults()).stream()
                .map(TopicSpec::name)
                .toList());
        checked.add("rewrap.progress");

        // Then
        assertThat(checked)
                .allSatisfy(topic -> assertThat(principalsAllowed("DescribeConfigs", topic))
                        .as(topic)
                        .contains("ctx-processor"));
    }

    @Test
    void theKeyServiceMayReadTheConfigsOfEveryTopicItChecksAtStartup() {
        // Given: the shipped key-service configuration's key topics and election topic
        KeyServiceConfig config = shippedKeyServiceConfig();
        List<String> checked = new ArrayList<>(keyTopics(config));
        checked.add(config.getString(KeyServiceConfigDef.REPLICATION_TOPIC_CONFIG));

        // Then
        assertThat(checked)
                .allSatisfy(topic -> assertThat(principalsAllowed("DescribeConfigs", topic))
                        .as(topic)
                        .contains("ctx-key-service"));
    }

    @Test
    void theKeyServiceLookupViewReadsTheSealedRecordsAndKeepsItsOwnChangelogs() {
        // Given: the lookup view's application id for a StatefulSet pod, ctx-key-service-lookup-<pod name>
        String applicationId = KeyServiceConfigDef.LOOKUP_APPLICATION_ID_PREFIX + "ctx-key-service-1";

        // Then
        assertThat(principalsAllowed("Read", "transactions.encrypted")).contains("ctx-key-service");
        assertThat(principalsAllowed("Read", "transactions.envelopes")).contains("ctx-key-service");
        assertThat(principalsAllowed("Read", applicationId, "group")).containsExactly("ctx-key-service");
        String changelog = applicationId + "-transaction-view-changelog";
        for (String operation : List.of("Create", "Read", "Write", "DescribeConfigs")) {
            assertThat(principalsAllowed(operation, changelog)).as(operation).containsExactly("ctx-key-service");
        }
    }

    @Test
    void keyServiceReplicasShareTheStoreTransactionalIdAndKeepTheirOwnAuditProducers() {
        // Given: the shipped configuration's store transactional id and a StatefulSet pod's service.instance
        KeyServiceConfig config = shippedKeyServiceConfig();
        String store = config.getString(KeyServiceConfigDef.STORE_TRANSACTIONAL_ID_CONFIG);
        String instance = "ctx-key-service-1";

        // Then
        for (String id : List.of(store, store + "-access-" + instance, store + "-opened-" + instance)) {
            assertThat(principalsAllowed("Write", id, "transactionalId")).as(id).containsExactly("ctx-key-service");
        }
        assertThat(principalsAllowed("Read", store + "-leader", "group")).containsExactly("ctx-key-service");
        assertThat(principalsAllowed("Describe", store + "-leader", "group")).containsExactly("ctx-key-service");
        assertThat(principalsAllowed("Write", config.getString(KeyServiceConfigDef.REPLICATION_TOPIC_CONFIG)))
                .as("nobody writes the election topic")
                .isEmpty();
    }

    @Test
    void theKustomizationIncludesTheUsers() {
        JsonNode kustomization = DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("strimzi/kustomization.yaml"))
                .get(0);
        assertThat(kustomization.path("resources").toString()).contains("users.yaml");
    }

    /**
     * Users whose ACLs allow {@code operation} (or All) on topic {@code topic}, by literal, prefix or wildcard match.
     */
    private static Set<String> principalsAllowed(String operation, String topic) {
        return principalsAllowed(operation, topic, "topic");
    }

    /** Users whose ACLs allow {@code operation} (or All) on the resource {@code name} of {@code type}. */
    private static Set<String> principalsAllowed(String operation, String name, String type) {
        Set<String> principals = new TreeSet<>();
        for (JsonNode user : USERS) {
            assertThat(user.path("kind").asText()).isEqualTo("KafkaUser");
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                if (matches(acl.path("resource"), type, name) && allows(acl, operation)) {
                    principals.add(user.path("metadata").path("name").asText());
                }
            }
        }
        return principals;
    }

    private static Set<String> topicsReadableBy(String userName) {
        Set<String> topics = new TreeSet<>();
        for (JsonNode user : USERS) {
            if (user.path("metadata").path("name").asText().equals(userName)) {
                for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                    if (acl.path("resource").path("type").asText().equals("topic") && allows(acl, "Read")) {
                        topics.add(acl.path("resource").path("name").asText());
                    }
                }
            }
        }
        return topics;
    }

    private static KeyServiceConfig shippedKeyServiceConfig() {
        return KeyServiceConfigLoader.load(DeployFiles.ROOT.resolve("k8s/base/key-service.properties"), Map.of());
    }

    private static List<String> keyTopics(KeyServiceConfig config) {
        return List.of(
                        KeyServiceConfigDef.TOPIC_PARTICIPANT_KEYS_CONFIG,
                        KeyServiceConfigDef.TOPIC_KEY_CUSTODY_CONFIG,
                        KeyServiceConfigDef.TOPIC_ACCESS_EVENTS_CONFIG,
                        KeyServiceConfigDef.TOPIC_ACCESS_GRANTS_CONFIG,
                        KeyServiceConfigDef.TOPIC_ESCROW_REQUESTS_CONFIG)
                .stream()
                .map(config::getString)
                .toList();
    }

    private static boolean matches(JsonNode resource, String type, String topic) {
        if (!resource.path("type").asText().equals(type)) {
            return false;
        }
        String name = resource.path("name").asText();
        boolean prefix = resource.path("patternType").asText("literal").equals("prefix");
        return name.equals("*") || (prefix ? topic.startsWith(name) : topic.equals(name));
    }

    private static boolean allows(JsonNode acl, String operation) {
        if (acl.path("type").asText("allow").equals("deny")) {
            return false;
        }
        for (JsonNode op : acl.path("operations")) {
            if (op.asText().equals(operation) || op.asText().equals("All")) {
                return true;
            }
        }
        return op(acl).equals(operation) || op(acl).equals("All");
    }

    /** The single-operation form ({@code operation: Read}) Strimzi also accepts. */
    private static String op(JsonNode acl) {
        return acl.path("operation").asText("");
    }
}
