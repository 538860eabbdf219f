package dev.ctx.keyservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.keyservice.kek.Pkcs12KeystoreKek;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.testkit.kafka.SharedKafka;

/** {@code /v1/grants} on the service as {@code KeyServiceMain} starts it: grants survive a restart of the process. */
class GrantsServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void grantsAndRevocationsAreServedAgainAfterARestart() throws Exception {
        // Given
        Map<String, String> config = config();
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = "{\"grantee\": \"auditor-7\", \"transactionIds\": [\"txn-1\"], \"purpose\": \"audit\","
                + " \"fields\": [\"amount\"], \"notBefore\": \"" + notBefore + "\", \"notAfter\": \""
                + notBefore.plus(7, ChronoUnit.DAYS) + "\"}";
        String kept;
        String revoked;
        try (KeyService service = start(config)) {
            kept = JSON.readTree(send(service, "POST", "/v1/grants", body).body())
                    .get("grantId")
                    .asText();
            revoked = JSON.readTree(send(service, "POST", "/v1/grants", body).body())
                    .get("grantId")
                    .asText();
            assertThat(send(service, "DELETE", "/v1/grants/" + revoked, null).statusCode())
                    .isEqualTo(204);
        }
        // When
        try (KeyService restarted = start(config)) {
            HttpResponse<String> listed = send(restarted, "GET", "/v1/grants?grantee=auditor-7", null);
            HttpResponse<String> again = send(restarted, "DELETE", "/v1/grants/" + revoked, null);
            // Then
            assertThat(listed.statusCode()).isEqualTo(200);
            Map<String, String> statuses = new HashMap<>();
            for (JsonNode grant : JSON.readTree(listed.body())) {
                statuses.put(grant.get("grantId").asText(), grant.get("status").asText());
            }
            assertThat(statuses).containsOnly(Map.entry(kept, "active"), Map.entry(revoked, "revoked"));
            assertThat(again.statusCode()).isEqualTo(409);
        }
    }

    private Map<String, String> config() throws IOException {
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        Path secret = dir.resolve("jwt-secret");
        Files.write(secret, ApiFixture.SECRET);
        Path keystore = dir.resolve("kek.p12");
        Pkcs12KeystoreKek.createWithNewKey(keystore, "kek-password".toCharArray(), "master-kek");
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", SharedKafka.bootstrapServers());
        config.put("schema.registry.url", "mock://grants-it" + suffix);
        config.put("topic.participant.keys", "participant-keys" + suffix);
        config.put("topic.key.custody", "key-custody" + suffix);
        config.put("topic.access.events", "access-log.events" + suffix);
        config.put("topic.access.grants", "access-grants" + suffix);
        config.put("store.transactional.id", "key-service" + suffix);
        config.put("http.port", "0");
        config.put("auth.jwt.issuer", ApiFixture.ISSUER);
        config.put("auth.jwt.audience", ApiFixture.AUDIENCE);
        config.put("auth.jwt.hs256.secret.file", secret.toString());
        config.put("kek.pkcs12.path", keystore.toString());
        config.put("kek.pkcs12.password.env", "TEST_KEK_PASSWORD");
        return config;
    }

    private static KeyService start(Map<String, String> config) {
        return KeyService.start(KeyServiceConfigLoader.load(config, Map.of("TEST_KEK_PASSWORD", "kek-password")));
    }

    private HttpResponse<String> send(KeyService service, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ApiFixture.token("officer-1", "compliance"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
