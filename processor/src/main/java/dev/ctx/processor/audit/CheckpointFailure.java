package dev.ctx.processor.audit;

import java.util.Locale;

/** Why a checkpoint was not written; the {@code reason} tag of {@code ctx_audit_checkpoint_failures_total}. */
public enum CheckpointFailure {

    /** No audit key service is configured ({@code audit.key.service.url} is empty). */
    NOT_CONFIGURED,

    /** The key service did not answer, timed out or answered 5xx / 429. */
    UNAVAILABLE,

    /** The key service refused the checkpoint (4xx: malformed, not monotonic, not authorized). */
    REFUSED,

    /** The key service answered with a checkpoint that is not the one asked for, or not a checkpoint. */
    MISMATCH;

    /** The metric tag value, e.g. {@code not_configured}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
