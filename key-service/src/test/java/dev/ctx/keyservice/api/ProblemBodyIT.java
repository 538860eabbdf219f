package dev.ctx.keyservice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ctx.keyservice.testing.ApiFixture;

/** Every class of bad input gets its RFC 9457 problem body and status, and none is a 500. */
class ProblemBodyIT {

    @TempDir
    static Path dir;

    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start(dir, Clock.systemUTC());
        api.operator("POST", "/v1/participants", "{\"id\":\"alice\",\"role\":\"client\"}");
        api.operator("POST", "/v1/participants/alice/keys", null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        POST  | /v1/participants                     | '{"id":"bob",'                             | 400 | malformed-json
        POST  | /v1/participants                     | '{"id":"bob" "role":"client"}'             | 400 | malformed-json
        POST  | /v1/participants                     | 'null'                                     | 400 | malformed-json
        POST  | /v1/participants                     | ''                                         | 400 | invalid-field
        POST  | /v1/participants                     | '{"id":"bob","role":"client","admin":true}' | 400 | unknown-field
        POST  | /v1/participants                     | '{"id":"bob","role":"king"}'               | 400 | invalid-field
        POST  | /v1/participants                     | '{"id":"bob","role":["client"]}'           | 400 | invalid-field
        POST  | /v1/participants                     | '{"id":"b o b","role":"client"}'           | 400 | invalid-path
        POST  | /v1/participants                     | '{"id":"__escrow","role":"client"}'        | 400 | invalid-path
        POST  | /v1/participants                     | '{"id":"alice","role":"client"}'           | 409 | conflict
        GET   | /v1/participants/no-such-one         | ''                                         | 404 | not-found
        GET   | /v1/participants/..%2F..             | ''                                         | 400 | invalid-path
        GET   | /v1/participants/.hidden             | ''                                         | 400 | invalid-path
        POST  | /v1/participants/alice/keys/0/revoke | ''                                         | 400 | invalid-path
        POST  | /v1/participants/alice/keys/x/revoke | ''                                         | 400 | invalid-path
        POST  | /v1/participants/alice/keys/9/revoke | ''                                         | 404 | not-found
        DELETE| /v1/participants/alice/keys/1        | ''                                         | 409 | conflict
        POST  | /v1/participants/alice/keys/1/retire | ''                                         | 409 | conflict
        POST  | /v1/participants/alice/keys          | ''                                         | 409 | conflict
        PATCH | /v1/participants/alice               | '{"expectedRevision":99}'                  | 409 | conflict
        PATCH | /v1/participants/alice               | '{"status":"gone"}'                        | 400 | invalid-field
        GET   | /v1/no-such-endpoint                 | ''                                         | 404 | not-found
        """)
    void badInputGetsAProblemBody(String method, String path, String body, int status, String type) {
        // When
        HttpResponse<String> response =
                api.operator(method, path, body.isEmpty() && !method.equals("POST") ? null : body);
        // Then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"https://ctx.dev/problems/" + type + "\"")
                .contains("\"status\":" + status);
    }

    @Test
    void oversizeBodyIsRejectedWith400AndNothingIsRegistered() {
        // Given
        String padding = "x".repeat(20 * 1024);
        // When
        HttpResponse<String> response = api.operator(
                "POST",
                "/v1/participants",
                "{\"id\":\"big\",\"role\":\"client\",\"allowedPurposes\":[\"" + padding + "\"]}");
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("request-too-large");
        assertThat(api.operator("GET", "/v1/participants/big", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void problemDetailNeverEchoesTheInput() {
        // When
        HttpResponse<String> response =
                api.operator("POST", "/v1/participants", "{\"id\":\"bob\",\"role\":\"client\",\"secretField-XYZ\":1}");
        // Then
        assertThat(response.body()).doesNotContain("secretField-XYZ");
    }
}
