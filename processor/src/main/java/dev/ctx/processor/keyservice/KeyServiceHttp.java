package dev.ctx.processor.keyservice;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

/**
 * JSON calls to one key service: {@code POST} with a bearer token (if set), the TLS trust (if set) and one timeout for
 * connect and answer. {@link #toString()} names the base URL only, never the token.
 */
public final class KeyServiceHttp {

    private final HttpClient http;
    private final String base;
    private final Optional<String> token;
    private final Duration timeout;

    private KeyServiceHttp(HttpClient http, String base, Optional<String> token, Duration timeout) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    /**
     * @param baseUrl the key service, {@code http(s)://host:port}
     * @param token the bearer token, if the key service requires one
     * @param tls the TLS context trusting the key service's certificate; empty for the JDK default trust
     */
    public static KeyServiceHttp create(
            URI baseUrl, Optional<String> token, Optional<SSLContext> tls, Duration timeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        tls.ifPresent(builder::sslContext);
        return new KeyServiceHttp(
                builder.build(), baseUrl.toString().replaceAll("/+$", ""), Objects.requireNonNull(token), timeout);
    }

    /** The absolute URI of {@code path} on this key service. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    /**
     * {@code POST path} with a JSON body; the answer whatever its status.
     *
     * @throws IOException when the call failed or timed out
     */
    public HttpResponse<byte[]> postJson(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder call = HttpRequest.newBuilder(uri(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        token.ifPresent(bearer -> call.header("Authorization", "Bearer " + bearer));
        return http.send(call.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public String toString() {
        return "KeyServiceHttp[" + base + "]";
    }
}
