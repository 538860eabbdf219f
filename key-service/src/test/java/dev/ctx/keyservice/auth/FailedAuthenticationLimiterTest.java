package dev.ctx.keyservice.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ctx.keyservice.testing.MutableClock;

class FailedAuthenticationLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FailedAuthenticationLimiter limiter =
            new FailedAuthenticationLimiter(3, Duration.ofSeconds(60), 100, clock);

    @Test
    void blocksAnAddressAfterMaxFailuresWithinTheWindowUntilTheWindowEnds() {
        // Given
        limiter.recordFailure("10.0.0.1");
        clock.advance(Duration.ofSeconds(10));
        limiter.recordFailure("10.0.0.1");
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();

        // When
        limiter.recordFailure("10.0.0.1");

        // Then
        assertThat(limiter.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(50));
        assertThat(limiter.blockedFor("10.0.0.2")).as("another address").isEmpty();
        clock.advance(Duration.ofSeconds(50));
        assertThat(limiter.blockedFor("10.0.0.1")).as("a new window").isEmpty();
    }

    @Test
    void failuresInAnEarlierWindowDoNotCount() {
        // Given
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");
        clock.advance(Duration.ofSeconds(61));

        // When
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");

        // Then
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void tracksAtMostMaxClientsAddressesForgettingTheLeastRecentlySeen() {
        // Given
        FailedAuthenticationLimiter small = new FailedAuthenticationLimiter(1, Duration.ofSeconds(60), 2, clock);
        small.recordFailure("10.0.0.1");
        small.recordFailure("10.0.0.2");
        assertThat(small.blockedFor("10.0.0.1")).isPresent();

        // When
        for (int i = 3; i < 1_000; i++) {
            small.recordFailure("10.0.0." + i);
        }

        // Then
        assertThat(small.trackedClients()).isEqualTo(2);
        assertThat(small.blockedFor("10.0.0.999")).isPresent();
        assertThat(small.blockedFor("10.0.0.2")).as("evicted").isEmpty();
    }

    @ParameterizedTest(name = "maxFailures={0}, window={1}s, maxClients={2}")
    @CsvSource({"0, 60, 10", "3, 0, 10", "3, -1, 10", "3, 60, 0"})
    void aLimiterThatCouldNeverCountOrKeepAnAddressIsRefused(int maxFailures, long windowSeconds, int maxClients) {
        assertThatThrownBy(() -> new FailedAuthenticationLimiter(
                        maxFailures, Duration.ofSeconds(windowSeconds), maxClients, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSmallestLimiterBlocksAfterOneFailureAndKeepsOneAddress() {
        // Given
        FailedAuthenticationLimiter smallest = new FailedAuthenticationLimiter(1, Duration.ofSeconds(1), 1, clock);

        // When
        smallest.recordFailure("10.0.0.1");

        // Then
        assertThat(smallest.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(smallest.trackedClients()).isEqualTo(1);
    }

    @Test
    void failuresWithoutAnAddressAreCountedTogether() {
        // Given
        limiter.recordFailure(null);
        limiter.recordFailure(null);

        // When
        limiter.recordFailure(null);

        // Then
        assertThat(limiter.blockedFor(null)).contains(Duration.ofSeconds(60));
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();
    }
}
