package dev.ctx.keyservice.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ctx.keyservice.grants.Grant;
import dev.ctx.keyservice.grants.GrantRequest;
import dev.ctx.keyservice.grants.GrantState;

/** The JSON of {@code /v1/grants}: instants are ISO-8601 strings; unknown request fields are refused by the mapper. */
final class GrantJson {

    private GrantJson() {}

    /**
     * POST /v1/grants: {@code transactionIds}, or {@code participantId} with {@code from} and {@code to}.
     */
    record CreateGrant(
            String grantee,
            List<String> transactionIds,
            String participantId,
            String from,
            String to,
            String purpose,
            List<String> fields,
            String notBefore,
            String notAfter) {

        GrantRequest toRequest() {
            return new GrantRequest(
                    grantee,
                    transactionIds,
                    participantId,
                    instant("from", from),
                    instant("to", to),
                    purpose,
                    fields,
                    instant("notBefore", notBefore),
                    instant("notAfter", notAfter));
        }
    }

    /** A grant as served; the optional members are absent rather than null, {@code status} active or revoked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GrantView(
            String grantId,
            String grantee,
            List<String> transactionIds,
            String participantId,
            String from,
            String to,
            String purpose,
            List<String> fields,
            String notBefore,
            String notAfter,
            String grantedBy,
            String grantedAt,
            String status,
            String revokedAt,
            String revokedBy) {

        static GrantView of(GrantState state) {
            Grant g = state.grant();
            return new GrantView(
                    g.grantId(),
                    g.grantee(),
                    g.transactionIds().isEmpty() ? null : g.transactionIds(),
                    g.participantId(),
                    text(g.from()),
                    text(g.to()),
                    g.purpose(),
                    g.fields().stream().sorted().toList(),
                    g.notBefore().toString(),
                    g.notAfter().toString(),
                    g.grantedBy(),
                    state.grantedAt().toString(),
                    state.isRevoked() ? "revoked" : "active",
                    text(state.revokedAt()),
                    state.revokedBy());
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    "invalid-field", field + " must be an ISO-8601 instant, e.g." + " 2026-01-31T00:00:00Z");
        }
    }
}
