package dev.ctx.keyservice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

import dev.ctx.keyservice.testing.AccessLog;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/** Who may call what: 401 without valid credentials, 403 for the wrong role or someone else's resource. */
class AuthorizationMatrixIT {

    @TempDir
    static Path dir;

    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start(dir, Clock.systemUTC());
        for (String id : List.of("alice", "bob")) {
            api.operator("POST", "/v1/participants", "{\"id\":\"" + id + "\",\"role\":\"client\"}");
            api.operator("POST", "/v1/participants/" + id + "/keys", null);
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static String tokenFor(String who) {
        return switch (who) {
            case "none" -> null;
            case "alice" -> ApiFixture.token("alice", "participant");
            case "operator" -> ApiFixture.token("operator-1", "operator");
            case "compliance" -> ApiFixture.token("officer-1", "compliance");
            case "alg-none" ->
                new PlainJWT(new JWTClaimsSet.Builder()
                                .subject("operator-1")
                                .issuer(ApiFixture.ISSUER)
                                .audience(ApiFixture.AUDIENCE)
                                .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                                .claim("role", "operator")
                                .build())
                        .serialize();
            case "expired" ->
                ApiFixture.token(
                        "operator-1",
                        "operator",
                        ApiFixture.ISSUER,
                        ApiFixture.AUDIENCE,
                        Instant.now().minusSeconds(600));
            case "wrong-audience" ->
                ApiFixture.token(
                        "operator-1",
                        "operator",
                        ApiFixture.ISSUER,
                        "other-service",
                        Instant.now().plusSeconds(60));
            case "wrong-issuer" ->
                ApiFixture.token(
                        "operator-1",
                        "operator",
                        "https://evil.test",
                        ApiFixture.AUDIENCE,
                        Instant.now().plusSeconds(60));
            case "unknown-role" -> ApiFixture.token("operator-1", "root");
            case "garbage" -> "not.a.jwt";
            default -> throw new IllegalArgumentException(who);
        };
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET    | /v1/participants                   | none           | 401",
                "GET    | /v1/participants                   | alg-none       | 401",
                "GET    | /v1/participants                   | expired        | 401",
                "GET    | /v1/participants                   | wrong-audience | 401",
                "GET    | /v1/participants                   | wrong-issuer   | 401",
                "GET    | /v1/participants                   | unknown-role   | 401",
                "GET    | /v1/participants                   | garbage        | 401",
                "GET    | /metrics                           | none           | 401",
                "GET    | /v1/openapi.json                   | none           | 401",
                "GET    | /v1/participants                   | alice          | 403",
                "GET    | /v1/participants                   | compliance     | 200",
                "GET    | /v1/participants                   | operator       | 200",
                "GET    | /v1/participants/alice             | alice          | 200",
                "GET    | /v1/participants/bob               | alice          | 403",
                "GET    | /v1/participants/bob               | compliance     | 200",
                "PATCH  | /v1/participants/alice             | alice          | 403",
                "PATCH  | /v1/participants/alice             | compliance     | 403",
                "POST   | /v1/participants/bob/keys/rotate   | alice          | 403",
                "POST   | /v1/participants/alice/keys/rotate | alice          | 201",
                "POST   | /v1/participants/alice/keys/rotate | compliance     | 403",
                "POST   | /v1/participants/bob/keys/1/revoke | alice          | 403",
                "POST   | /v1/participants/alice/keys/1/retire | alice        | 403",
                "DELETE | /v1/participants/alice/keys/1      | alice          | 403",
                "GET    | /v1/participants/bob/keys          | alice          | 200",
                "POST   | /v1/escrow/key                     | alice          | 403",
                "POST   | /v1/escrow/key/1/retire            | alice          | 403",
                "POST   | /v1/escrow/key/1/retire            | compliance     | 403",
                "POST   | /v1/rotation/run                   | compliance     | 403",
                "POST   | /v1/rotation/run                   | operator       | 200",
                "GET    | /metrics                           | alice          | 403",
                "GET    | /metrics                           | operator       | 200",
                "GET    | /health/live                       | none           | 200",
                "GET    | /health/ready                      | none           | 200",
                "GET    | /v1/keyring-signing-key            | none           | 200",
            })
    void callerGetsTheStatusItsRoleAllows(String method, String path, String who, int status) {
        // When
        var response = api.call(method, path, tokenFor(who), method.equals("PATCH") ? "{}" : null);
        // Then
        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 401 || status == 403) {
            assertThat(response.body()).contains("\"status\":" + status);
        }
    }

    @Test
    void deniedRequestsAreRecordedAsDeniedAccessEvents() {
        // Given
        String path = "/v1/participants/bob/keys/rotate";
        // When
        api.call("POST", path, null, null);
        api.call("POST", path, tokenFor("alice"), null);
        // Then
        List<AccessEvent> denied = AccessLog.awaitAtLeast(
                api.service,
                e -> e.getOutcome() == AccessOutcome.DENIED && path.equals(e.getSubject()),
                2,
                Duration.ofSeconds(20));
        assertThat(denied)
                .extracting(AccessEvent::getType)
                .contains(AccessEventType.AUTHENTICATION_FAILED, AccessEventType.ACCESS_DENIED);
        assertThat(denied)
                .filteredOn(e -> e.getType() == AccessEventType.ACCESS_DENIED)
                .extracting(AccessEvent::getRequester)
                .contains("alice");
    }

    @Test
    void everyRegisteredRouteIsInTheOpenApiDocumentAndTheDocumentIsServed() {
        // Given
        String document = KeyServiceRoutes.openApiDocument();
        // When
        var served = api.operator("GET", KeyServiceRoutes.OPENAPI_PATH, null);
        // Then
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(document).contains("\"openapi\": \"3.1.0\"");
        for (String route : KeyServiceRoutes.describeRoutes(api.components)) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            int pathAt = document.indexOf("\"" + path + "\": {");
            assertThat(pathAt).as(route).isPositive();
            int nextPath = document.indexOf("\n    \"/", pathAt + 1);
            String pathItem = document.substring(pathAt, nextPath < 0 ? document.length() : nextPath);
            assertThat(pathItem).as(route).contains("\"" + method + "\": {");
        }
    }

    @Test
    void metricsCountRequestsByRouteAndOutcome() {
        // Given
        api.call("GET", "/v1/participants/bob", tokenFor("alice"), null);
        // When
        String scrape = api.operator("GET", "/metrics", null).body();
        // Then
        assertThat(scrape)
                .contains("keysvc_http_requests_seconds_count{")
                .containsPattern("keysvc_http_requests_seconds_count\\{[^}]*outcome=\"client_error\""
                        + "[^}]*route=\"/v1/participants/\\{id\\}\"[^}]*status=\"403\"");
    }
}
