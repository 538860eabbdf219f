package dev.ctx.client.access;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.ctx.client.access.error.KeyServiceException;
import dev.ctx.client.access.error.KeyServiceUnreachableException;
import dev.ctx.client.access.error.Problem;

/** JSON over HTTP to one key service: credentials on every call, error answers mapped to typed exceptions. */
final class JsonHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final Supplier<Optional<String>> token;
    private final Duration requestTimeout;

    JsonHttp(HttpClient http, URI baseUrl, Supplier<Optional<String>> token, Duration requestTimeout) {
        this.http = http;
        String url = baseUrl.toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
        this.requestTimeout = requestTimeout;
    }

    /** One path segment, percent-encoded (participant ids and grant ids are free text). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends {@code body} (null: none) and returns the answer's JSON (a missing node for an empty body).
     *
     * @throws KeyServiceException typed by status and reason for any status outside {@code expected}
     */
    JsonNode send(String method, String path, Object body, Set<Integer> expected) {
        String call = method + " " + path;
        HttpResponse<String> response = exchange(call, request(method, path, body));
        if (!expected.contains(response.statusCode())) {
            throw ProblemMapping.toException(
                    problem(call, response),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        }
        return parse(call, response);
    }

    private HttpRequest request(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json, application/problem+json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        token.get().ifPresent(bearer -> request.header("Authorization", "Bearer " + bearer));
        return request.build();
    }

    private HttpResponse<String> exchange(String call, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeyServiceUnreachableException(
                    new Problem(
                            call,
                            0,
                            null,
                            "no answer from " + baseUrl,
                            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyServiceUnreachableException(new Problem(call, 0, null, "interrupted", null), e);
        }
    }

    private static Problem problem(String call, HttpResponse<String> response) {
        JsonNode body;
        try {
            body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            body = MissingNode.getInstance();
        }
        return new Problem(
                call, response.statusCode(), text(body, "reason"), text(body, "title"), text(body, "detail"));
    }

    private static JsonNode parse(String call, HttpResponse<String> response) {
        if (response.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            // no cause and no parser message: they would quote the body, which may hold confidential fields
            throw new KeyServiceException(new Problem(call, response.statusCode(), null, "answer is not JSON", null));
        }
    }

    private static String text(JsonNode body, String member) {
        JsonNode value = body.path(member);
        return value.isTextual() ? value.asText() : null;
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body is not serializable as JSON", e);
        }
    }
}
