package dev.ctx.cli.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine.Option;

import dev.ctx.client.auditlog.SigningKeys;

/**
 * Where the trusted audit signing keys come from: a file holding the JSON of {@code GET /v1/audit/signing-keys}, or
 * that endpoint of a key service (public, no credentials).
 */
final class SigningKeyOptions {

    static final String ENDPOINT = "/v1/audit/signing-keys";

    @Option(
            names = "--signing-keys",
            paramLabel = "FILE",
            description = "The published signing keys ({\"keys\":[...]} of GET " + ENDPOINT + ").")
    Path file;

    @Option(
            names = "--key-service",
            paramLabel = "URL",
            description = "Fetch the signing keys from this key service's " + ENDPOINT + ".")
    URI keyService;

    boolean given() {
        return file != null || keyService != null;
    }

    SigningKeys load() throws IOException, InterruptedException {
        if (file != null) {
            return SigningKeys.read(file);
        }
        if (keyService == null) {
            throw new IllegalStateException("no signing keys: give --signing-keys FILE or --key-service URL");
        }
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(keyService.resolve(ENDPOINT))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(keyService.resolve(ENDPOINT) + " answered " + response.statusCode());
        }
        return SigningKeys.parse(response.body());
    }
}
