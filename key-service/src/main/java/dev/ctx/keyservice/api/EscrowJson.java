package dev.ctx.keyservice.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ctx.keyservice.escrow.EscrowCase;
import dev.ctx.keyservice.escrow.EscrowFiling;
import dev.ctx.keyservice.escrow.EscrowOpenResult;
import dev.ctx.keyservice.escrow.EscrowOpenedTransaction;
import dev.ctx.keyservice.escrow.OfficerApproval;

/** The JSON of {@code /v1/escrow/requests}: instants ISO-8601, durations ISO-8601; unknown members are refused. */
final class EscrowJson {

    private EscrowJson() {}

    /**
     * POST /v1/escrow/requests: {@code transactionIds}, or {@code participantId} with {@code from} and {@code to}
     * (ISO-8601 instants), which the service resolves to ids from the transaction view when it files the request.
     */
    record File(
            List<String> transactionIds,
            String participantId,
            String from,
            String to,
            String authorizationReference,
            String legalBasis,
            String reason,
            List<String> fields,
            String expiresAt,
            String expiresIn) {

        /** @throws ApiException 400 for an instant or duration that does not parse */
        EscrowFiling toFiling() {
            EscrowFiling.ParticipantScope scope = participantId == null && from == null && to == null
                    ? null
                    : new EscrowFiling.ParticipantScope(participantId, instant(from, "from"), instant(to, "to"));
            return new EscrowFiling(
                    transactionIds,
                    authorizationReference,
                    legalBasis,
                    reason,
                    fields,
                    instant(expiresAt, "expiresAt"),
                    duration(expiresIn),
                    scope);
        }

        private static Instant instant(String value, String name) {
            try {
                return value == null ? null : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("invalid-field", name + " must be an ISO-8601 instant");
            }
        }

        private static Duration duration(String value) {
            try {
                return value == null ? null : Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("invalid-field", "expiresIn must be an ISO-8601 duration, e.g. P7D");
            }
        }
    }

    /** POST /v1/escrow/requests/{requestId}/rejection. */
    record Reject(String reason) {}

    /** One approval as served. */
    record ApprovalView(String officer, String approvedAt) {
        static ApprovalView of(OfficerApproval a) {
            return new ApprovalView(a.officer(), a.approvedAt().toString());
        }
    }

    /** A request as served; members that do not apply are absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RequestView(
            String requestId,
            String state,
            List<String> transactionIds,
            String authorizationReference,
            String legalBasis,
            String reason,
            List<String> fields,
            String requestedBy,
            String requestedAt,
            String expiresAt,
            List<ApprovalView> approvals,
            String closedBy,
            String closedAt,
            String closingReason,
            int maxOpens,
            int opens,
            String lastOpenedAt) {

        static RequestView of(EscrowCase c) {
            return new RequestView(
                    c.requestId(),
                    c.state().name(),
                    c.transactionIds(),
                    c.authorizationReference(),
                    c.legalBasis(),
                    c.reason(),
                    c.fields(),
                    c.requestedBy(),
                    c.requestedAt().toString(),
                    c.expiresAt().toString(),
                    c.approvals().stream().map(ApprovalView::of).toList(),
                    c.closedBy(),
                    text(c.closedAt()),
                    c.closingReason(),
                    c.maxOpens(),
                    c.opens(),
                    text(c.lastOpenedAt()));
        }

        private static String text(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    /** One transaction of an open; {@code fields} absent unless OPENED. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record OpenedView(String transactionId, String status, Map<String, Object> fields) {
        static OpenedView of(EscrowOpenedTransaction t) {
            return new OpenedView(t.transactionId(), t.status(), t.fields());
        }

        /** Names only: the values never go to logs. */
        @Override
        public String toString() {
            return "OpenedView[transactionId=" + transactionId + ", status=" + status + ", fields=" + fields.keySet()
                    + "]";
        }
    }

    /** The 200 body of an open. */
    record OpenView(RequestView request, List<OpenedView> transactions) {
        static OpenView of(EscrowOpenResult result) {
            return new OpenView(
                    RequestView.of(result.escrowCase()),
                    result.transactions().stream().map(OpenedView::of).toList());
        }
    }
}
