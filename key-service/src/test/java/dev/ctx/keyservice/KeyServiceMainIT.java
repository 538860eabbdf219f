package dev.ctx.keyservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.keyservice.kek.Pkcs11Kek;
import dev.ctx.keyservice.kek.Pkcs12KeystoreKek;
import dev.ctx.keyservice.kek.SoftHsmToken;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.keyservice.testing.TestPki;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * The service started from a config file, as {@code KeyServiceMain} does: HTTPS with client certificates, JWT, both
 * KEKs.
 */
class KeyServiceMainIT {

    @TempDir
    Path dir;

    private Map<String, String> baseConfig() throws IOException {
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        Path secret = dir.resolve("jwt-secret");
        Files.write(secret, ApiFixture.SECRET);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", SharedKafka.bootstrapServers());
        config.put("schema.registry.url", "mock://main-it" + suffix);
        config.put("topic.participant.keys", "participant-keys" + suffix);
        config.put("topic.key.custody", "key-custody" + suffix);
        config.put("topic.access.events", "access-log.events" + suffix);
        config.put("store.transactional.id", "key-service" + suffix);
        config.put("http.port", "0");
        config.put("auth.jwt.issuer", ApiFixture.ISSUER);
        config.put("auth.jwt.audience", ApiFixture.AUDIENCE);
        config.put("auth.jwt.hs256.secret.file", secret.toString());
        return config;
    }

    private Map<String, String> withPkcs12Kek(Map<String, String> config) {
        Path keystore = dir.resolve("kek.p12");
        Pkcs12KeystoreKek.createWithNewKey(keystore, "kek-password".toCharArray(), "master-kek");
        config.put("kek.pkcs12.path", keystore.toString());
        config.put("kek.pkcs12.password.env", "TEST_KEK_PASSWORD");
        return config;
    }

    private static Map<String, String> withTls(Map<String, String> config, TestPki pki) {
        config.put("tls.keystore.path", pki.serverKeyStore().toString());
        config.put("tls.keystore.password.env", "TEST_PKI_PASSWORD");
        config.put("tls.truststore.path", pki.trustStore().toString());
        config.put("tls.truststore.password.env", "TEST_PKI_PASSWORD");
        return config;
    }

    private static KeyService startWithTls(Map<String, String> config) {
        return KeyService.start(KeyServiceConfigLoader.load(
                config, Map.of("TEST_KEK_PASSWORD", "kek-password", "TEST_PKI_PASSWORD", TestPki.PASSWORD)));
    }

    private static KeyService start(Map<String, String> config) {
        return KeyService.start(KeyServiceConfigLoader.load(config, Map.of("TEST_KEK_PASSWORD", "kek-password")));
    }

    @Test
    void mutualTlsMapsClientCertificatesToIdentitiesAndRefusesOthers() throws Exception {
        // Given
        TestPki pki = TestPki.create(dir);
        Path operator = pki.issue("operator", "CN=operator-1,OU=operator", "clientAuth");
        Path alice = pki.issue("alice", "CN=alice,OU=participant", "clientAuth");
        Path stranger = pki.selfSigned("stranger", "CN=operator-2,OU=operator");
        Map<String, String> config = withTls(withPkcs12Kek(baseConfig()), pki);
        try (KeyService service = startWithTls(config)) {
            String base = "https://127.0.0.1:" + service.port();
            // When / Then
            assertThat(send(
                                    pki.clientContext(operator),
                                    "POST",
                                    base + "/v1/participants",
                                    "{\"id\":\"alice\",\"role\":\"client\"}")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(send(pki.clientContext(alice), "POST", base + "/v1/participants/alice/keys", "")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(send(pki.clientContext(alice), "GET", base + "/v1/participants", null)
                            .statusCode())
                    .isEqualTo(403);
            assertThatThrownBy(() -> send(pki.clientContext(null), "GET", base + "/v1/participants", null))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> send(pki.clientContext(stranger), "GET", base + "/v1/participants", null))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void optionalClientAuthLetsProbesAndJwtCallersInOverHttps() throws Exception {
        // Given
        TestPki pki = TestPki.create(dir);
        Map<String, String> config = withTls(withPkcs12Kek(baseConfig()), pki);
        config.put("tls.client.auth", "want");
        try (KeyService service = startWithTls(config)) {
            String base = "https://127.0.0.1:" + service.port();
            SSLContext noCertificate = pki.clientContext(null);
            // When / Then
            assertThat(send(noCertificate, "GET", base + "/health/ready", null).statusCode())
                    .isEqualTo(200);
            assertThat(send(noCertificate, "GET", base + "/v1/participants", null)
                            .statusCode())
                    .isEqualTo(401);
            HttpRequest withToken = HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .header("Authorization", "Bearer " + ApiFixture.token("prometheus", "operator"))
                    .build();
            assertThat(HttpClient.newBuilder()
                            .sslContext(noCertificate)
                            .build()
                            .send(withToken, HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("keysvc_http_requests_seconds_count");
        }
    }

    @Test
    void aStalledBodyOverHttpsIs408WithinTheIdleTimeout() throws Exception {
        // Given: the HTTPS connector, and a JWT caller that announces a body and then stops sending
        TestPki pki = TestPki.create(dir);
        Map<String, String> config = withTls(withPkcs12Kek(baseConfig()), pki);
        config.put("tls.client.auth", "want");
        Duration bound = Duration.ofSeconds(20);
        try (KeyService service = startWithTls(config);
                SSLSocket socket = (SSLSocket)
                        pki.clientContext(null).getSocketFactory().createSocket("127.0.0.1", service.port())) {
            socket.setSoTimeout((int) bound.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/participants HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                            + ApiFixture.token("operator-1", "operator")
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            // When
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            // Then: the TLS connector applies the same idle timeout as plain HTTP, and answers with a problem
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
            assertThat(reply)
                    .startsWith("HTTP/1.1 408")
                    .contains("application/problem+json")
                    .contains("\"type\":\"https://ctx.dev/problems/request-timeout\"");
        }
    }

    @Test
    void startsWithTheKekInASoftHsmTokenAndServesJwtCallers() throws Exception {
        // Given
        SoftHsmToken token = SoftHsmToken.shared();
        String alias = "main-it-" + UUID.randomUUID().toString().substring(0, 8);
        Pkcs11Kek.generateKey(token.pkcs11Config(), token.pin(), alias);
        Path pin = dir.resolve("pin");
        Files.writeString(pin, new String(token.pin()));
        Map<String, String> config = baseConfig();
        config.put("kek.provider", "pkcs11");
        config.put("kek.alias", alias);
        config.put("kek.pkcs11.config", token.pkcs11Config().toString());
        config.put("kek.pkcs11.pin.file", pin.toString());
        // When
        try (KeyService service = start(config)) {
            String base = "http://127.0.0.1:" + service.port();
            String operator = ApiFixture.token("operator-1", "operator");
            // Then
            assertThat(send(null, "GET", base + "/health/ready", null).statusCode())
                    .isEqualTo(200);
            assertThat(sendWithToken(
                                    operator,
                                    "POST",
                                    base + "/v1/participants",
                                    "{\"id\":\"carol\",\"role\":\"miner\"}")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(sendWithToken(operator, "POST", base + "/v1/participants/carol/keys", "")
                            .statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    void invalidConfigurationFailsStartupNamingTheKey() throws Exception {
        // Given
        Map<String, String> config = withPkcs12Kek(baseConfig());
        config.put("rotation.max.age", "ninety days");
        // When / Then
        assertThatThrownBy(() -> start(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rotation.max.age");
    }

    private static HttpResponse<String> send(SSLContext tls, String method, String url, String body) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (tls != null) {
            builder.sslContext(tls);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return builder.build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendWithToken(String token, String method, String url, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
