package dev.ctx.schemas.schemaregistry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends one Confluent REST request with failover across the configured URLs and bounded retry: connection failures
 * and 5xx answers are retried with exponential backoff, 4xx answers fail at once with a typed
 * {@link SchemaRegistryException}. A URL that failed is left for the next one, which then stays in use.
 */
final class RegistryHttpTransport {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOGGER = LoggerFactory.getLogger(RegistryHttpTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final AtomicInteger currentUrl = new AtomicInteger();

    RegistryHttpTransport(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** Sends {@code method path} with an optional JSON body and returns the parsed JSON answer. */
    JsonNode send(String method, String path, Object body) {
        Exception last = null;
        for (int attempt = 1; attempt <= config.retry().maxAttempts(); attempt++) {
            int urlIndex = currentUrl.get();
            URI base = config.urls().get(Math.floorMod(urlIndex, config.urls().size()));
            try {
                return attempt(base, method, path, body);
            } catch (RetryableFailure failure) {
                last = failure.getCause() instanceof Exception cause ? cause : failure;
            }
            currentUrl.compareAndSet(urlIndex, urlIndex + 1);
            backOff(attempt, base, last);
        }
        throw unavailable(method, path, last);
    }

    /** One request; 2xx returns, 4xx throws the typed error, 5xx and I/O failures throw {@link RetryableFailure}. */
    private JsonNode attempt(URI base, String method, String path, Object body) {
        try {
            HttpResponse<String> response =
                    http.send(request(base, method, path, body), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() < 300) {
                return JSON.readTree(response.body());
            }
            SchemaRegistryException error = RegistryErrors.fromResponse(response.statusCode(), response.body());
            throw response.statusCode() < 500 ? error : new RetryableFailure(error);
        } catch (IOException e) {
            throw new RetryableFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException(
                    0, RegistryUnavailableException.NO_RESPONSE, "interrupted while calling the schema registry", e);
        }
    }

    private HttpRequest request(URI base, String method, String path, Object body) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        config.authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    private void backOff(int attempt, URI base, Exception failure) {
        if (attempt >= config.retry().maxAttempts()) {
            return;
        }
        Duration wait = config.retry().backoffAfter(attempt);
        LOGGER.atWarn()
                .addKeyValue("registry", base)
                .addKeyValue("attempt", attempt)
                .addKeyValue("error", failure.getClass().getSimpleName())
                .addKeyValue("backoffMs", wait.toMillis())
                .log("schema registry request failed; retrying");
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RegistryUnavailableException unavailable(String method, String path, Exception last) {
        int status = last instanceof SchemaRegistryException e ? e.httpStatus() : 0;
        int code = last instanceof SchemaRegistryException e ? e.errorCode() : RegistryUnavailableException.NO_RESPONSE;
        return new RegistryUnavailableException(
                status,
                code,
                "schema registry unavailable for " + method + " " + path + ": "
                        + (last == null ? "no attempt" : last.getClass().getSimpleName()),
                last);
    }

    /** A failure worth another attempt: a 5xx answer or an I/O error. */
    private static final class RetryableFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetryableFailure(Exception cause) {
            super(cause);
        }
    }
}
