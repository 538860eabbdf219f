package dev.ctx.keyservice.api;

import java.util.List;
import java.util.Map;

import io.javalin.http.HandlerType;

import dev.ctx.keyservice.access.AccessAnswer;
import dev.ctx.keyservice.access.AccessRequest;
import dev.ctx.keyservice.access.AccessService;
import dev.ctx.keyservice.access.DenialReason;
import dev.ctx.keyservice.auth.AccessRule;

/**
 * {@code POST /v1/access-requests}: any authenticated caller asks to read a transaction's confidential fields for a
 * purpose; the answer (or the refusal, with its {@code reason}) is sent only after its access event is committed.
 * Documented in {@code docs/access-requests.md}.
 */
final class AccessRoutes {

    static final String PATH = "/v1/access-requests";
    private static final String PURPOSE = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final String FIELD = "[A-Za-z][A-Za-z0-9_]{0,63}";
    private static final int MAX_TRANSACTION_ID = 256;

    private final AccessService access;

    AccessRoutes(AccessService access) {
        this.access = access;
    }

    List<ApiRoute> routes() {
        return List.of(new ApiRoute(HandlerType.POST, PATH, AccessRule.AUTHENTICATED, this::request));
    }

    /**
     * The request body.
     *
     * @param transactionId the transaction
     * @param purpose why
     * @param fields the wanted fields; absent for all the purpose releases
     */
    record Body(String transactionId, String purpose, List<String> fields) {

        AccessRequest parsed() {
            if (transactionId == null
                    || transactionId.isEmpty()
                    || transactionId.length() > MAX_TRANSACTION_ID
                    || transactionId.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.badRequest(
                        "invalid-field",
                        "transactionId must be 1.." + MAX_TRANSACTION_ID + " characters without control characters");
            }
            if (purpose == null || !purpose.matches(PURPOSE)) {
                throw ApiException.badRequest("invalid-field", "purpose must match " + PURPOSE);
            }
            if (fields != null
                    && (fields.isEmpty()
                            || fields.size() > 16
                            || fields.stream().anyMatch(f -> f == null || !f.matches(FIELD)))) {
                throw ApiException.badRequest("invalid-field", "fields must be 1..16 field names when present");
            }
            return new AccessRequest(transactionId, purpose, fields == null ? null : List.copyOf(fields));
        }
    }

    /** The 200 body. */
    record Granted(
            String transactionId, String purpose, String authorizedBy, String eventId, Map<String, Object> fields) {
        /** Names only: the values never go to logs. */
        @Override
        public String toString() {
            return "Granted[transactionId=" + transactionId + ", eventId=" + eventId + ", fields=" + fields.keySet()
                    + "]";
        }
    }

    private void request(ApiCall call) {
        AccessAnswer answer;
        try {
            AccessRequest request = call.body(Body.class).parsed();
            answer = access.handle(call.identity(), call.audit(), request);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            answer = access.refuseMalformed(call.audit(), e.getMessage());
        }
        if (answer instanceof AccessAnswer.Released released) {
            call.respond(
                    200,
                    new Granted(
                            released.transactionId(),
                            released.purpose(),
                            released.authorizedBy(),
                            released.eventId(),
                            released.fields()));
        } else {
            refuse(call, (AccessAnswer.Refused) answer);
        }
    }

    private static void refuse(ApiCall call, AccessAnswer.Refused refused) {
        DenialReason reason = refused.reason();
        Refusals.answer(call, Refusals.PROBLEMS, reason.name(), reason.status(), refused.detail());
    }
}
