package dev.ctx.keyservice.api;

import java.util.List;
import java.util.Map;

import io.javalin.http.HandlerType;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.DenialSink;
import dev.ctx.keyservice.auth.AccessRule;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.revocation.AcceptedCommand;
import dev.ctx.keyservice.revocation.RevocationRefusedException;
import dev.ctx.keyservice.revocation.TransactionRevocations;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.commands.EnvelopeCommand;

/**
 * Revocation of one participant's access to one transaction, crypto-shredding of one transaction, and erasure of
 * every transaction of a participant (operator only; docs/revocation-and-shredding.md). Each answers 202 once its
 * command and access event are committed; the rewrap topology applies the command. Refusals are problem bodies with
 * a {@code reason} and an {@code ACCESS_DENIED} event.
 */
final class RevocationRoutes {

    static final String TRANSACTION = "/v1/transactions/{transactionId}";
    private static final int MAX_TRANSACTION_ID = 256;

    private final TransactionRevocations revocations;
    private final AccessEvents events;
    private final DenialSink denials;

    RevocationRoutes(TransactionRevocations revocations, AccessEvents events, DenialSink denials) {
        this.revocations = revocations;
        this.events = events;
        this.denials = denials;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(
                        HandlerType.POST,
                        TRANSACTION + "/revocations",
                        AccessRule.OPERATOR,
                        refusable(this::revoke, "transactionId")),
                new ApiRoute(
                        HandlerType.DELETE, TRANSACTION, AccessRule.OPERATOR, refusable(this::shred, "transactionId")),
                new ApiRoute(
                        HandlerType.POST,
                        "/v1/participants/{id}/erasure",
                        AccessRule.OPERATOR,
                        refusable(this::erase, "id")));
    }

    /** {@code POST .../revocations} body. */
    record Revoke(String participantId, String reason) {}

    /** {@code DELETE /v1/transactions/{id}} and erasure body. */
    record Reason(String reason) {}

    /** A 202 answer for one transaction. */
    record Accepted(String commandId, String transactionId, String participantId, String eventId, String status) {
        static Accepted of(AcceptedCommand command, String participantId) {
            return new Accepted(
                    command.commandId().toString(),
                    command.transactionId(),
                    participantId,
                    command.eventId(),
                    "ACCEPTED");
        }
    }

    /** The 202 answer of an erasure. */
    record Erasure(String participantId, int count, List<Accepted> transactions) {}

    private void revoke(ApiCall call) {
        String transactionId = transactionId(call);
        if (revocations.revocationNeedsStepUp()) {
            requireStepUp(call, "revoking access needs a second factor (lifecycle.require.mfa)");
        }
        Revoke body = call.body(Revoke.class);
        String reason = reason(body.reason());
        if (body.participantId() == null) {
            throw ApiException.badRequest("invalid-field", "participantId is required");
        }
        ParticipantId participant = ParticipantId.parse(body.participantId());
        AcceptedCommand accepted = revocations.revokeAccess(call.audit(), transactionId, participant, reason);
        call.respond(202, Accepted.of(accepted, participant.value()));
    }

    private void shred(ApiCall call) {
        String transactionId = transactionId(call);
        requireStepUp(call, "shredding needs a second factor (JWT amr mfa, otp or hwk) or mTLS");
        String reason = reason(call.hasBody() ? call.body(Reason.class).reason() : null);
        AcceptedCommand accepted = revocations.shred(call.audit(), transactionId, reason);
        call.respond(202, Accepted.of(accepted, null));
    }

    private void erase(ApiCall call) {
        ParticipantId participant = call.participantId();
        requireStepUp(call, "erasure needs a second factor (JWT amr mfa, otp or hwk) or mTLS");
        String reason = reason(call.hasBody() ? call.body(Reason.class).reason() : null);
        List<AcceptedCommand> accepted = revocations.erase(call.audit(), participant, reason);
        call.respond(
                202,
                new Erasure(
                        participant.value(),
                        accepted.size(),
                        accepted.stream().map(a -> Accepted.of(a, null)).toList()));
    }

    private static String transactionId(ApiCall call) {
        String id = call.pathParam("transactionId");
        if (id == null
                || id.isEmpty()
                || id.length() > MAX_TRANSACTION_ID
                || id.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(
                    "invalid-path", "transaction id must be 1.." + MAX_TRANSACTION_ID + " characters");
        }
        return id;
    }

    private static String reason(String reason) {
        if (reason == null
                || reason.isBlank()
                || reason.length() > EnvelopeCommand.MAX_REASON
                || reason.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(
                    "invalid-field",
                    "reason is required: 1.." + EnvelopeCommand.MAX_REASON + " characters without control characters");
        }
        return reason;
    }

    private static void requireStepUp(ApiCall call, String detail) {
        if (!call.identity().hasSteppedUp()) {
            throw new RevocationRefusedException(401, "STEP_UP_REQUIRED", detail);
        }
    }

    /** Runs {@code handler}; a refusal is audited ({@code ACCESS_DENIED}) and answered as a problem with a reason. */
    private ApiHandler refusable(ApiHandler handler, String resourceParam) {
        return call -> {
            try {
                handler.handle(call);
            } catch (RevocationRefusedException e) {
                String resource = call.pathParam(resourceParam);
                denials.submit(events.denied(
                        AccessEventType.ACCESS_DENIED,
                        resource,
                        call.audit(),
                        e.reason() + ": " + e.getMessage(),
                        Map.of("status", Integer.toString(e.status()), "path", call.path())));
                Refusals.answer(call, Refusals.PROBLEMS, e.reason(), e.status(), e.getMessage());
            }
        };
    }
}
