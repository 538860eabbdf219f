package dev.ctx.keyservice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import dev.ctx.keyservice.testing.AccessLog;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * Hostile HTTP against a running key service (Javalin on loopback over a real broker): each attack gets a clear 4xx
 * with an RFC 9457 problem body, the service still answers a normal request afterwards, the participants and keys are
 * unchanged, and the only events written are denials.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileHttpIT {

    private static final Duration SLOW_CLIENT_BOUND = KeyServiceRoutes.REQUEST_IDLE_TIMEOUT.plusSeconds(10);

    @TempDir
    static Path dir;

    static ApiFixture api;
    static String participantsBefore;
    static String aliceKeysBefore;
    static Instant attacksStart;

    @BeforeAll
    static void start() {
        api = ApiFixture.start(dir, Clock.systemUTC());
        for (String id : List.of("alice", "bob")) {
            api.operator("POST", "/v1/participants", "{\"id\":\"" + id + "\",\"role\":\"client\"}");
            api.operator("POST", "/v1/participants/" + id + "/keys", null);
        }
        participantsBefore = api.operator("GET", "/v1/participants", null).body();
        aliceKeysBefore =
                api.operator("GET", "/v1/participants/alice/keys", null).body();
        attacksStart = Instant.now();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** One attack: what is sent, and the status and problem type it must get. */
    record Attack(String name, Supplier<Reply> send, int status, String problemType) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What came back: status, Content-Type and body (status 0 when the server closed the connection instead). */
    record Reply(int status, String contentType, String body) {}

    static Stream<Arguments> attacks() {
        String alice = ApiFixture.token("alice", "participant");
        String operator = ApiFixture.token("operator-1", "operator");
        String register = "{\"id\":\"mallory\",\"role\":\"client\"}";
        return Stream.of(
                        new Attack(
                                "oversize body (Content-Length above the limit)",
                                () -> http("POST", "/v1/participants", operator, padded(64 * 1024)),
                                400,
                                "request-too-large"),
                        new Attack(
                                "chunked oversize body (no Content-Length)",
                                () -> chunked("/v1/participants", operator, padded(64 * 1024)),
                                400,
                                "request-too-large"),
                        new Attack(
                                "token signed with another key",
                                () -> http("GET", "/v1/participants", forged("operator-1", "operator"), null),
                                401,
                                "unauthenticated"),
                        new Attack(
                                "expired token",
                                () -> http("GET", "/v1/participants", token(-600, 0), null),
                                401,
                                "unauthenticated"),
                        new Attack(
                                "token not yet valid (nbf in an hour)",
                                () -> http("GET", "/v1/participants", token(3600, 3600), null),
                                401,
                                "unauthenticated"),
                        new Attack(
                                "alg=none token claiming the operator role",
                                () -> http("GET", "/v1/participants", unsigned(), null),
                                401,
                                "unauthenticated"),
                        new Attack(
                                "participant registers a participant",
                                () -> http("POST", "/v1/participants", alice, register),
                                403,
                                "forbidden"),
                        new Attack(
                                "participant reinstates itself",
                                () -> http("PATCH", "/v1/participants/alice", alice, "{\"status\":\"active\"}"),
                                403,
                                "forbidden"),
                        new Attack(
                                "participant claims two roles",
                                () -> http("GET", "/v1/participants", rolesToken(), null),
                                401,
                                "unauthenticated"),
                        new Attack(
                                "another participant's record",
                                () -> http("GET", "/v1/participants/bob", alice, null),
                                403,
                                "forbidden"),
                        new Attack(
                                "another participant's key rotation",
                                () -> http("POST", "/v1/participants/bob/keys/rotate", alice, null),
                                403,
                                "forbidden"),
                        new Attack(
                                "path traversal in the participant id",
                                () -> http("GET", "/v1/participants/..%2F..%2Fetc%2Fpasswd", operator, null),
                                400,
                                "invalid-path"),
                        new Attack(
                                "encoded dot segment as the participant id",
                                () -> http("GET", "/v1/participants/%2e%2e/keys", operator, null),
                                400,
                                "invalid-path"),
                        new Attack(
                                "deeply nested JSON",
                                () -> http(
                                        "POST",
                                        "/v1/participants",
                                        operator,
                                        "{\"id\":\"mallory\",\"role\":\"client\",\"allowedPurposes\":"
                                                + "[".repeat(4000) + "]".repeat(4000) + "}"),
                                400,
                                "invalid-field"),
                        new Attack(
                                "duplicate JSON member (role given twice)",
                                () -> http(
                                        "POST",
                                        "/v1/participants",
                                        operator,
                                        "{\"id\":\"mallory\",\"role\":\"client\",\"role\":\"auditor\"}"),
                                400,
                                "malformed-json"),
                        new Attack(
                                "JSON body declared as text/plain",
                                () -> http("POST", "/v1/participants", operator, register, "text/plain"),
                                415,
                                "unsupported-media-type"),
                        new Attack(
                                "JSON body declared as a form",
                                () -> http(
                                        "POST",
                                        "/v1/participants",
                                        operator,
                                        register,
                                        "application/x-www-form-urlencoded"),
                                415,
                                "unsupported-media-type"))
                .map(Arguments::of);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attackGetsAClear4xxAndChangesNothing(Attack attack) {
        // When
        Reply reply = attack.send().get();
        // Then
        assertThat(reply.status()).as("status").isEqualTo(attack.status());
        assertThat(reply.contentType()).as("content type").startsWith("application/problem+json");
        assertThat(reply.body())
                .contains("\"type\":\"https://ctx.dev/problems/" + attack.problemType() + "\"")
                .contains("\"status\":" + attack.status());
        assertServiceStillServesAndNothingChanged();
    }

    @Order(2)
    @Test
    void slowClientIsCutOffWithinABoundAndDoesNotBlockOthers() throws IOException {
        // Given: a request that announces a body and then stops sending
        String operator = ApiFixture.token("operator-1", "operator");
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout((int) SLOW_CLIENT_BOUND.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/participants HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + operator
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // When: others call meanwhile
            assertServiceStillServesAndNothingChanged();
            long start = System.nanoTime();
            Reply reply = readReply(socket.getInputStream());
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            // Then: the stalled request ends with a 408 within the idle timeout and a margin (it was a 500)
            assertThat(waited).isLessThan(SLOW_CLIENT_BOUND);
            assertThat(reply.status()).isEqualTo(408);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).contains("\"type\":\"https://ctx.dev/problems/request-timeout\"");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server held a stalled request for " + SLOW_CLIENT_BOUND, e);
        }
        assertServiceStillServesAndNothingChanged();
    }

    @Order(3)
    @Test
    void theOnlyEventsTheAttacksWroteAreDenials() {
        // Given: one more denial, so the events of every attack before it have been flushed
        String marker = "/v1/participants/bob/keys/rotate";
        http("POST", marker, null, null);
        AccessLog.awaitAtLeast(
                api.service,
                e -> e.getOutcome() == AccessOutcome.DENIED && marker.equals(e.getSubject()),
                2,
                Duration.ofSeconds(30));
        // When
        List<AccessEvent> sinceTheAttacks = AccessLog.read(api.service).stream()
                .filter(e -> !e.getTimestamp().isBefore(attacksStart))
                .toList();
        // Then
        assertThat(sinceTheAttacks)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getOutcome())
                        .as(e.getType() + " " + e.getSubject())
                        .isEqualTo(AccessOutcome.DENIED));
    }

    private static void assertServiceStillServesAndNothingChanged() {
        assertThat(http("GET", "/health/live", null, null).status()).isEqualTo(200);
        assertThat(api.operator("GET", "/v1/participants", null).body()).isEqualTo(participantsBefore);
        assertThat(api.operator("GET", "/v1/participants/alice/keys", null).body())
                .isEqualTo(aliceKeysBefore);
    }

    private static Reply http(String method, String path, String token, String body) {
        return http(method, path, token, body, "application/json");
    }

    private static Reply http(String method, String path, String token, String body, String contentType) {
        var response = api.call(method, path, token, body, contentType);
        return new Reply(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** A raw HTTP/1.1 request with a chunked body, so the server cannot refuse it by Content-Length. */
    private static Reply chunked(String path, String token, String body) {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try {
                for (int offset = 0; offset < bytes.length; offset += 4096) {
                    int length = Math.min(4096, bytes.length - offset);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, offset, length);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before the whole body is sent; its answer is read below
            }
            return readReply(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response (headers and a Content-Length or chunked body); status 0 if the connection just closed. */
    private static Reply readReply(InputStream in) throws IOException {
        String head = readHead(in);
        if (head.isEmpty()) {
            return new Reply(0, "", "");
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        int contentLength = -1;
        boolean isChunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(line.indexOf(':') + 1).strip();
            } else if (lower.startsWith("content-length:")) {
                contentLength =
                        Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                isChunked = true;
            }
        }
        return new Reply(status, contentType, isChunked ? readChunked(in) : readFixed(in, contentLength));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII).strip();
    }

    private static String readFixed(InputStream in, int length) throws IOException {
        return length < 0 ? "" : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            int length = size.isEmpty() ? 0 : Integer.parseInt(size.split(";")[0].strip(), 16);
            if (length == 0) {
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(length));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static String padded(int bytes) {
        return "{\"id\":\"mallory\",\"role\":\"client\",\"allowedPurposes\":[\"" + "x".repeat(bytes) + "\"]}";
    }

    private static String forged(String subject, String role) {
        return sign(claims(subject, role, Instant.now().plusSeconds(300), null), "another secret of 32+ bytes!!!!!!!");
    }

    private static String token(int expiresInSeconds, int notBeforeInSeconds) {
        Instant now = Instant.now();
        return sign(
                claims(
                        "operator-1",
                        "operator",
                        now.plusSeconds(expiresInSeconds),
                        notBeforeInSeconds == 0 ? null : now.plusSeconds(notBeforeInSeconds)),
                new String(ApiFixture.SECRET, StandardCharsets.UTF_8));
    }

    private static String unsigned() {
        return new PlainJWT(claims("operator-1", "operator", Instant.now().plusSeconds(300), null)).serialize();
    }

    private static String rolesToken() {
        return sign(
                new JWTClaimsSet.Builder(
                                claims("alice", "participant", Instant.now().plusSeconds(300), null))
                        .claim("role", List.of("participant", "operator"))
                        .build(),
                new String(ApiFixture.SECRET, StandardCharsets.UTF_8));
    }

    private static JWTClaimsSet claims(String subject, String role, Instant expiry, Instant notBefore) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ApiFixture.ISSUER)
                .audience(ApiFixture.AUDIENCE)
                .expirationTime(Date.from(expiry))
                .notBeforeTime(notBefore == null ? null : Date.from(notBefore))
                .claim("role", role)
                .build();
    }

    private static String sign(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
