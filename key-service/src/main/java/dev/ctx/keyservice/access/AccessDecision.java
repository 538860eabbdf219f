package dev.ctx.keyservice.access;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The {@link AccessDecider}'s verdict on one request, before anything is opened. */
public sealed interface AccessDecision {

    /**
     * Allowed.
     *
     * @param authorizedBy {@code policy:<transactionId>} or {@code grant:<grantId>}
     * @param fields the confidential fields to release (non-empty)
     * @param openWith participant ids whose custodial key may open the envelope, in order of preference
     */
    record Granted(String authorizedBy, Set<String> fields, List<String> openWith) implements AccessDecision {
        public Granted {
            Objects.requireNonNull(authorizedBy, "authorizedBy");
            fields = Set.copyOf(fields);
            openWith = List.copyOf(openWith);
        }
    }

    /**
     * Refused.
     *
     * @param reason the code and status
     * @param detail why, naming coordinates only (never confidential values)
     */
    record Denied(DenialReason reason, String detail) implements AccessDecision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
