package dev.ctx.keyservice.escrow;

import java.time.Instant;
import java.util.Objects;

/**
 * One compliance officer's approval.
 *
 * @param officer the approving officer (authenticated subject)
 * @param approvedAt when, to the millisecond
 */
public record OfficerApproval(String officer, Instant approvedAt) {

    public OfficerApproval {
        Objects.requireNonNull(officer, "officer");
        Objects.requireNonNull(approvedAt, "approvedAt");
    }
}
