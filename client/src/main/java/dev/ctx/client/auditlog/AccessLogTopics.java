package dev.ctx.client.auditlog;

import java.util.Objects;

/** The names of the two topics a verifier reads: the chained entries and their signed checkpoints. */
public record AccessLogTopics(String entries, String checkpoints) {

    public AccessLogTopics {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /** {@code access-log} and {@code access-log.checkpoints}. */
    public static AccessLogTopics defaults() {
        return new AccessLogTopics("access-log", "access-log.checkpoints");
    }
}
