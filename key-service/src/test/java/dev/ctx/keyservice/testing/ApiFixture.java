package dev.ctx.keyservice.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.javalin.Javalin;

import dev.ctx.keyservice.api.KeyServiceComponents;
import dev.ctx.keyservice.api.KeyServiceRoutes;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.auth.Authenticator;
import dev.ctx.keyservice.auth.FailedAuthenticationLimiter;
import dev.ctx.keyservice.auth.JwtAuthenticator;
import dev.ctx.keyservice.metrics.HttpMetrics;
import dev.ctx.keyservice.rotation.MaxAgeRotation;
import dev.ctx.keyservice.store.Denials;
import dev.ctx.schemas.access.AccessEvent;

/**
 * The real HTTP service (Javalin on 127.0.0.1, random port) over a {@link StoreFixture}, with HS256 JWT auth, and a
 * client that mints tokens.
 */
public final class ApiFixture implements AutoCloseable {

    public static final String ISSUER = "https://idp.test";
    public static final String AUDIENCE = "ctx-key-service";
    public static final byte[] SECRET = "an HS256 test secret of 32+ bytes!!".getBytes(StandardCharsets.UTF_8);
    public static final Duration MAX_AGE = Duration.ofDays(90);

    public final StoreFixture service;
    public final KeyServiceComponents components;
    public final Denials denials;
    private final Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    private ApiFixture(StoreFixture service, Clock clock, FailedAuthenticationLimiter authFailures) {
        this.service = service;
        Authenticator jwt = JwtAuthenticator.hs256(SECRET, ISSUER, AUDIENCE);
        HttpMetrics metrics = HttpMetrics.create();
        this.denials = Denials.start(service.config, service.serde(AccessEvent.class), 10_000, metrics.registry());
        this.components = new KeyServiceComponents(
                service.registry,
                service.keys,
                new MaxAgeRotation(service.states, service.keys, MAX_AGE, clock),
                Authenticator.firstOf(List.of(jwt)),
                new AccessEvents("key-service/test", clock),
                denials.queue(),
                authFailures,
                metrics,
                service.store::isAlive,
                service.store::isReady,
                16 * 1024,
                service.signer.verifyingKey());
        this.app = Javalin.create(cfg -> {
                    KeyServiceRoutes.register(cfg, components);
                    cfg.jetty.host = "127.0.0.1";
                    cfg.jetty.port = 0;
                })
                .start();
    }

    /** With a failed-authentication limit too high for any test but the limiter's own. */
    public static ApiFixture start(Path dir, Clock clock) {
        return start(dir, clock, new FailedAuthenticationLimiter(1_000_000, Duration.ofMinutes(1), 1_000, clock));
    }

    public static ApiFixture start(Path dir, Clock clock, FailedAuthenticationLimiter authFailures) {
        return new ApiFixture(StoreFixture.start(dir, clock), clock, authFailures);
    }

    /** Runs on a broker the test owns (e.g. to stop it). */
    public static ApiFixture startOn(String bootstrapServers, Path dir, Clock clock) {
        return new ApiFixture(
                StoreFixture.startOn(bootstrapServers, dir, clock),
                clock,
                new FailedAuthenticationLimiter(1_000_000, Duration.ofMinutes(1), 1_000, clock));
    }

    public static String token(String subject, String role) {
        return token(subject, role, ISSUER, AUDIENCE, Instant.now().plusSeconds(300));
    }

    /** A token whose {@code amr} claim holds {@code amr} (RFC 8176), e.g. {@code mfa} for step-up. */
    public static String token(String subject, String role, List<String> amr) {
        return sign(new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("role", role)
                .claim("amr", amr)
                .build());
    }

    public static String token(String subject, String role, String issuer, String audience, Instant expiry) {
        return sign(new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .expirationTime(Date.from(expiry))
                .claim("role", role)
                .build());
    }

    private static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> call(String method, String path, String token, String body) {
        return call(method, path, token, body, "application/json");
    }

    /** As {@link #call(String, String, String, String)} with the given {@code Content-Type}. */
    public HttpResponse<String> call(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType)
                .header("User-Agent", "ctx-test");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The port the service listens on (127.0.0.1), for raw-socket clients. */
    public int port() {
        return app.port();
    }

    public HttpResponse<String> operator(String method, String path, String body) {
        return call(method, path, token("operator-1", "operator"), body);
    }

    @Override
    public void close() {
        app.stop();
        denials.close();
        service.close();
    }
}
