package dev.ctx.keyservice.rewrap;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one rewrap call ({@code rewrap.max.items}, {@code rewrap.max.body.bytes}).
 *
 * @param maxItems items per batch at most (413 beyond)
 * @param maxBodyBytes request body of {@code POST /v1/rewrap} at most (400 {@code request-too-large} beyond)
 * @param commitTimeout how long a batch waits for its access event to commit (503 beyond)
 */
public record RewrapSettings(int maxItems, long maxBodyBytes, Duration commitTimeout) {

    /** Default of {@code rewrap.max.items}. */
    public static final int DEFAULT_MAX_ITEMS = 500;
    /** Default of {@code rewrap.max.body.bytes}: 500 items of epoch wraps with long transaction ids fit. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    public RewrapSettings {
        if (maxItems < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxItems and maxBodyBytes must be positive");
        }
        Objects.requireNonNull(commitTimeout, "commitTimeout");
    }
}
