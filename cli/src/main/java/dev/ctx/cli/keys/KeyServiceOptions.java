package dev.ctx.cli.keys;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.client.access.AccessClient;

/** Where the key service is and how to authenticate to it. */
public final class KeyServiceOptions {

    @Option(
            names = "--url",
            defaultValue = "${env:CTX_KEY_SERVICE_URL:-http://127.0.0.1:18080}",
            description = "Key service base URL (default: $CTX_KEY_SERVICE_URL or ${DEFAULT-VALUE}).")
    String url;

    @Option(
            names = "--token-file",
            description = "File holding a bearer token (JWT). Default: $CTX_TOKEN, else the demo's operator token.")
    Path tokenFile;

    /** The management client of the key-service API ({@code ctx keys}, {@code ctx escrow}). */
    public KeyServiceClient client() throws IOException {
        return new KeyServiceClient(url, token());
    }

    /** The consumer client of the read API, with the same URL and bearer token ({@code ctx access}, consume). */
    public AccessClient accessClient() throws IOException {
        return AccessClient.builder(URI.create(url)).token(token()).build();
    }

    private String token() throws IOException {
        if (tokenFile != null) {
            return Files.readString(tokenFile).trim();
        }
        String fromEnv = System.getenv("CTX_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        Path demo = Path.of(System.getProperty("ctx.home", "."), ".ctx", "demo", "operator.jwt");
        if (Files.exists(demo)) {
            return Files.readString(demo).trim();
        }
        throw new IllegalStateException("no token: pass --token-file FILE or set CTX_TOKEN");
    }
}
