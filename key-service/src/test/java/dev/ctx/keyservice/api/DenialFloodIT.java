package dev.ctx.keyservice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.auth.FailedAuthenticationLimiter;
import dev.ctx.keyservice.testing.AccessLog;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;

/**
 * Denied requests go through their own bounded queue and producer: a flood of bad tokens cannot hold up a revocation.
 */
class DenialFloodIT {

    private static final String FLOODED = "/v1/participants/alice/keys/rotate";

    @TempDir
    Path dir;

    @Test
    void aRevocationCompletesPromptlyWhileBadTokensHammerTheServiceAndTheDenialsStillReachTheAccessLog()
            throws Exception {
        try (ApiFixture api = ApiFixture.start(dir, Clock.systemUTC())) {
            // Given: alice with five key versions, and four clients sending garbage tokens as fast as they can
            api.operator("POST", "/v1/participants", "{\"id\":\"alice\",\"role\":\"client\"}");
            api.operator("POST", "/v1/participants/alice/keys", null);
            for (int i = 0; i < 4; i++) {
                api.operator("POST", "/v1/participants/alice/keys/rotate", null);
            }
            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicInteger unauthorized = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            ExecutorService attackers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(attackers.submit(() -> {
                    while (flooding.get()) {
                        int status =
                                api.call("POST", FLOODED, "not-a-jwt", null).statusCode();
                        (status == 401 ? unauthorized : other).incrementAndGet();
                    }
                }));
            }
            Thread.sleep(500);

            // When: an operator revokes the versions one by one during the flood
            long slowestMs = 0;
            try {
                for (int version = 1; version <= 5; version++) {
                    long started = System.nanoTime();
                    HttpResponse<String> revoked =
                            api.operator("POST", "/v1/participants/alice/keys/" + version + "/revoke", null);
                    slowestMs = Math.max(slowestMs, (System.nanoTime() - started) / 1_000_000);
                    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
                }
            } finally {
                flooding.set(false);
                for (Future<?> attacker : running) {
                    attacker.get();
                }
                attackers.shutdown();
            }

            // Then
            System.out.printf(
                    "DenialFloodIT: %d bad-token requests answered 401 during the flood; slowest revocation %d ms;"
                            + " %d denial events dropped%n",
                    unauthorized.get(), slowestMs, api.denials.queue().droppedCount());
            assertThat(other.get()).as("every bad token is answered 401").isZero();
            assertThat(unauthorized.get()).as("the flood really ran").isGreaterThan(50);
            assertThat(slowestMs).as("slowest revocation under the flood, ms").isLessThan(3_000);
            long expected = unauthorized.get() - api.denials.queue().droppedCount();
            List<AccessEvent> denials = AccessLog.awaitAtLeast(
                    api.service,
                    e -> e.getType() == AccessEventType.AUTHENTICATION_FAILED && FLOODED.equals(e.getSubject()),
                    (int) expected,
                    Duration.ofSeconds(30));
            assertThat(denials).as("denial events written to access-log.events").hasSize((int) expected);
            assertThat(api.denials.queue().failedCount()).isZero();
        }
    }

    @Test
    void anAddressWithTooManyFailedAuthenticationsGets429WithRetryAfterAndIsNotAuditedFurther() throws Exception {
        // Given: five failures per minute allowed
        Clock clock = Clock.systemUTC();
        try (ApiFixture api =
                ApiFixture.start(dir, clock, new FailedAuthenticationLimiter(5, Duration.ofMinutes(1), 100, clock))) {
            String path = "/v1/participants/bob/keys/rotate";
            for (int i = 0; i < 5; i++) {
                assertThat(api.call("POST", path, "not-a-jwt", null).statusCode())
                        .isEqualTo(401);
            }

            // When
            HttpResponse<String> throttled = api.call("POST", path, "not-a-jwt", null);
            HttpResponse<String> valid = api.operator("GET", "/v1/participants", null);

            // Then
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValueAsLong("Retry-After").orElse(-1))
                    .isBetween(1L, 60L);
            assertThat(throttled.body())
                    .contains("\"type\":\"https://ctx.dev/problems/too-many-authentication-failures\"");
            assertThat(valid.statusCode())
                    .as("the whole address waits, valid token or not")
                    .isEqualTo(429);
            List<AccessEvent> denials =
                    AccessLog.awaitAtLeast(api.service, e -> path.equals(e.getSubject()), 6, Duration.ofSeconds(3));
            assertThat(denials).as("only the five 401s were audited").hasSize(5);
        }
    }
}
