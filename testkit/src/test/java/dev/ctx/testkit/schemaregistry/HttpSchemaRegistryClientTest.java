package dev.ctx.testkit.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.ctx.schemas.schemaregistry.IncompatibleSchemaException;
import dev.ctx.schemas.schemaregistry.RegistryClientConfig;
import dev.ctx.schemas.schemaregistry.RegistryUnavailableException;
import dev.ctx.schemas.schemaregistry.SchemaNotFoundException;
import dev.ctx.schemas.schemaregistry.SchemaRegistryClient;
import dev.ctx.schemas.schemaregistry.SchemaRegistryClients;
import dev.ctx.schemas.schemaregistry.SchemaRegistryException;

/** The HTTP registry client against the real test registry server over loopback. */
class HttpSchemaRegistryClientTest {

    private static final Schema V1 = SchemaBuilder.record("Trade")
            .namespace("test")
            .fields()
            .requiredString("id")
            .endRecord();
    private static final Schema V2 = SchemaBuilder.record("Trade")
            .namespace("test")
            .fields()
            .requiredString("id")
            .name("venue")
            .type()
            .stringType()
            .stringDefault("XETRA")
            .endRecord();
    private static final Schema BREAKING = SchemaBuilder.record("Trade")
            .namespace("test")
            .fields()
            .requiredString("id")
            .requiredLong("qty")
            .endRecord();

    private SchemaRegistryServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void registersLooksUpAndFetchesThroughTheConfluentApi() {
        // Given
        server = SchemaRegistryServer.builder().build().start();
        SchemaRegistryClient client = client(config(server.url()));
        // When
        int id = client.register("trades-value", V1);
        int id2 = client.register("trades-value", V2);
        // Then
        assertThat(client.getId("trades-value", V1)).isEqualTo(id);
        assertThat(client.getSchemaById(id2)).isEqualTo(V2);
        assertThat(client.getLatestVersion("trades-value").version()).isEqualTo(2);
        assertThat(client.getLatestVersion("trades-value").id()).isEqualTo(id2);
        assertThat(client.testCompatibility("trades-value", BREAKING)).isFalse();
        assertThat(client.register("other-value", V1)).isEqualTo(id);
    }

    @Test
    void registryErrorsArriveTypedWithTheirErrorCodes() {
        // Given
        server = SchemaRegistryServer.builder().build().start();
        SchemaRegistryClient client = client(config(server.url()));
        client.register("trades-value", V1);
        // When / Then
        assertThatThrownBy(() -> client.register("trades-value", BREAKING))
                .isInstanceOf(IncompatibleSchemaException.class);
        assertThatThrownBy(() -> client.getSchemaById(4242))
                .isInstanceOf(SchemaNotFoundException.class)
                .satisfies(e ->
                        assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.getLatestVersion("nope-value"))
                .isInstanceOf(SchemaNotFoundException.class)
                .satisfies(e ->
                        assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40401));
    }

    @Test
    void unknownPathsAnswerJson404() throws IOException, InterruptedException {
        // Given
        server = SchemaRegistryServer.builder().build().start();
        // When
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/associations/resources/-/transactions"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        // Then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"error_code\":404");
    }

    @Test
    void basicAuthCredentialsAreSentAndWrongOnesAreRejectedWithoutRetry() {
        // Given
        server = SchemaRegistryServer.builder()
                .basicAuth("fred", "s3cret")
                .build()
                .start();
        Map<String, Object> good = config(server.url());
        good.put(RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        good.put(RegistryClientConfig.BASIC_AUTH_USER_INFO, "fred:s3cret");
        Map<String, Object> bad = new HashMap<>(good);
        bad.put(RegistryClientConfig.BASIC_AUTH_USER_INFO, "fred:wrong");
        // When
        int id = client(good).register("trades-value", V1);
        int before = server.requestCount();
        // Then
        assertThat(id).isPositive();
        assertThatThrownBy(() -> client(bad).register("trades-value", V1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageNotContaining("wrong")
                .satisfies(e ->
                        assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40101));
        assertThat(server.requestCount() - before).isEqualTo(1);
    }

    @Test
    void bearerTokenIsSent() {
        // Given
        server = SchemaRegistryServer.builder().bearerToken("tok-1").build().start();
        Map<String, Object> config = config(server.url());
        config.put(RegistryClientConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN");
        config.put(RegistryClientConfig.BEARER_AUTH_TOKEN, "tok-1");
        // When / Then
        assertThat(client(config).register("trades-value", V1)).isPositive();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilTheRegistryAnswers() {
        // Given
        server = SchemaRegistryServer.builder().build().start();
        server.failNextRequests(2);
        // When
        int id = client(config(server.url())).register("trades-value", V1);
        // Then
        assertThat(id).isPositive();
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void retriesAreBoundedAndEndInRegistryUnavailable() {
        // Given
        server = SchemaRegistryServer.builder().build().start();
        server.failNextRequests(100);
        // When / Then
        assertThatThrownBy(() -> client(config(server.url())).register("trades-value", V1))
                .isInstanceOf(RegistryUnavailableException.class)
                .satisfies(e ->
                        assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(50001));
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void clientErrorsAreNeverRetried() {
        // Given
        server = SchemaRegistryServer.builder().build().start();
        SchemaRegistryClient client = client(config(server.url()));
        // When / Then
        assertThatThrownBy(() -> client.getSchemaById(77)).isInstanceOf(SchemaNotFoundException.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void connectionFailureFailsOverToTheNextUrl() throws IOException {
        // Given
        server = SchemaRegistryServer.builder().build().start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // When
        int id = client(config("http://127.0.0.1:" + closedPort + "," + server.url()))
                .register("trades-value", V1);
        // Then
        assertThat(id).isPositive();
    }

    @Test
    void httpsRegistryIsReachedWithTheConfiguredTruststoreOnly(@TempDir Path directory) throws Exception {
        // Given
        TestTls tls = TestTls.create(directory);
        server = SchemaRegistryServer.builder()
                .https(tls.serverContext())
                .build()
                .start();
        Map<String, Object> trusting = config(server.url());
        trusting.put(
                RegistryClientConfig.SSL_TRUSTSTORE_LOCATION, tls.truststore().toString());
        trusting.put(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD, TestTls.PASSWORD);
        trusting.put(RegistryClientConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
        Map<String, Object> untrusting = config(server.url());
        untrusting.put(RegistryClientConfig.RETRY_MAX_ATTEMPTS, "1");
        // When / Then
        assertThat(server.url()).startsWith("https://");
        assertThat(client(trusting).register("trades-value", V1)).isPositive();
        assertThatThrownBy(() -> client(untrusting).register("trades-value", V1))
                .isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void mutualTlsRegistryNeedsTheConfiguredClientKeystore(@TempDir Path directory) throws Exception {
        // Given
        TestTls tls = TestTls.create(directory);
        server = SchemaRegistryServer.builder()
                .https(tls.serverContext(), true)
                .build()
                .start();
        Map<String, Object> anonymous = config(server.url());
        anonymous.put(
                RegistryClientConfig.SSL_TRUSTSTORE_LOCATION, tls.truststore().toString());
        anonymous.put(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD, TestTls.PASSWORD);
        anonymous.put(RegistryClientConfig.RETRY_MAX_ATTEMPTS, "1");
        Map<String, Object> withCertificate = new HashMap<>(anonymous);
        withCertificate.put(
                RegistryClientConfig.SSL_KEYSTORE_LOCATION, tls.clientKeystore().toString());
        withCertificate.put(RegistryClientConfig.SSL_KEYSTORE_PASSWORD, TestTls.PASSWORD);
        // When / Then
        assertThat(client(withCertificate).register("trades-value", V1)).isPositive();
        assertThatThrownBy(() -> client(anonymous).register("trades-value", V1))
                .isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void answerWithoutAnIdIsATypedErrorNotIdZero() throws IOException {
        // Given: an HTTP server that answers 200 with a body lacking "id"
        HttpServer broken = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        broken.createContext("/", exchange -> {
            byte[] body = "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        broken.start();
        try {
            SchemaRegistryClient client =
                    client(config("http://127.0.0.1:" + broken.getAddress().getPort()));
            // When / Then
            assertThatThrownBy(() -> client.register("trades-value", V1))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("'id'");
            assertThatThrownBy(() -> client.getLatestVersion("trades-value"))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("'version'");
        } finally {
            broken.stop(0);
        }
    }

    private static Map<String, Object> config(String urls) {
        Map<String, Object> config = new HashMap<>();
        config.put(RegistryClientConfig.SCHEMA_REGISTRY_URL, urls);
        config.put(RegistryClientConfig.RETRY_BACKOFF_MS, "10");
        config.put(RegistryClientConfig.RETRY_BACKOFF_MAX_MS, "40");
        config.put(RegistryClientConfig.REQUEST_TIMEOUT_MS, "5000");
        return config;
    }

    private static SchemaRegistryClient client(Map<String, Object> config) {
        return SchemaRegistryClients.fromConfig(config);
    }
}
