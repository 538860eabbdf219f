package dev.ctx.client.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.client.access.error.KeyServiceUnreachableException;
import dev.ctx.client.testing.ContractServer;
import dev.ctx.client.testing.ContractServer.Answer;
import dev.ctx.client.testing.LoopbackTls;

/** The caller's credentials as a client certificate: mutual TLS against an HTTPS server on loopback. */
class AccessClientTlsTest {

    @TempDir
    static Path dir;

    private static LoopbackTls tls;
    private static ContractServer server;

    @BeforeAll
    static void start() throws Exception {
        tls = LoopbackTls.create(dir);
        server = ContractServer.startHttpsWithClientAuth(tls.serverContext());
        server.on(
                "POST",
                "/v1/access-requests",
                Answer.json(
                        200, "{\"transactionId\":\"t\",\"purpose\":\"settlement\",\"fields\":{\"amount\":\"1.00\"}}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void clientCertificateAloneAuthenticatesTheCall() throws Exception {
        // Given: no bearer token, only the SSLContext's client certificate
        AccessClient client = AccessClient.builder(server.baseUrl())
                .sslContext(tls.clientContext())
                .build();

        // When
        AccessResult result = client.requestAccess("t", "settlement");

        // Then
        assertThat(result.fields().get("amount").asText()).isEqualTo("1.00");
        assertThat(server.received()).last().satisfies(request -> {
            assertThat(request.clientCertificateSubject()).isEqualTo("CN=miner-1");
            assertThat(request.authorization()).isNull();
        });
    }

    @Test
    void withoutAClientCertificateTheHandshakeFailsAndNothingIsSent() throws Exception {
        // Given
        AccessClient client = AccessClient.builder(server.baseUrl())
                .sslContext(tls.clientContextWithoutCertificate())
                .build();
        int before = server.received().size();

        // When / Then
        assertThatThrownBy(() -> client.requestAccess("t", "settlement"))
                .isInstanceOf(KeyServiceUnreachableException.class);
        assertThat(server.received()).hasSize(before);
    }
}
