package dev.ctx.keyservice.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts failed authentications per client address in fixed windows: after {@code maxFailures} failures within one
 * {@code window}, the address is refused (429) until that window ends, without its credentials being checked or a
 * denial being audited. Successful requests do not reset the count, so interleaving a valid token does not buy guesses.
 *
 * <p>Memory is bounded: at most {@code maxClients} addresses are tracked, the least recently seen one is forgotten
 * first (an attacker rotating through more addresses than that resets its own counts, not anyone's block for longer
 * than it takes to be seen again). Thread-safe.
 */
public final class FailedAuthenticationLimiter {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> clients;

    /**
     * @param maxFailures failures per window that block an address
     * @param window how long a counting window lasts, from an address's first failure in it
     * @param maxClients how many addresses are tracked at most
     */
    public FailedAuthenticationLimiter(int maxFailures, Duration window, int maxClients, Clock clock) {
        if (maxFailures < 1 || maxClients < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxFailures, maxClients and window must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** How long {@code address} must wait before it may try again, or empty if it may try now. */
    public synchronized Optional<Duration> blockedFor(String address) {
        Window current = clients.get(key(address));
        Instant now = clock.instant();
        if (current == null || !current.isOpenAt(now, window) || current.failures < maxFailures) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.start.plus(window)));
    }

    /** Counts one failed authentication from {@code address}. */
    public synchronized void recordFailure(String address) {
        Instant now = clock.instant();
        Window current = clients.get(key(address));
        if (current == null || !current.isOpenAt(now, window)) {
            clients.put(key(address), new Window(now, 1));
        } else {
            current.failures++;
        }
    }

    /** How many addresses are tracked now (for tests and the bound). */
    public synchronized int trackedClients() {
        return clients.size();
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }

    private static final class Window {
        private final Instant start;
        private int failures;

        private Window(Instant start, int failures) {
            this.start = start;
            this.failures = failures;
        }

        private boolean isOpenAt(Instant now, Duration length) {
            return now.isBefore(start.plus(length));
        }
    }
}
