package dev.ctx.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

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
    void theKustomizationIncludesTheUsers() {
        JsonNode kustomization = DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("strimzi/kustomization.yaml"))
                .get(0);
        assertThat(kustomization.path("resources").toString()).contains("users.yaml");
    }

    /**
     * Users whose ACLs allow {@code operation} (or All) on topic {@code topic}, by literal, prefix or wildcard match.
     */
    private static Set<String> principalsAllowed(String operation, String topic) {
        Set<String> principals = new TreeSet<>();
        for (JsonNode user : USERS) {
            assertThat(user.path("kind").asText()).isEqualTo("KafkaUser");
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                if (matchesTopic(acl.path("resource"), topic) && allows(acl, operation)) {
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

    private static boolean matchesTopic(JsonNode resource, String topic) {
        if (!resource.path("type").asText().equals("topic")) {
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
