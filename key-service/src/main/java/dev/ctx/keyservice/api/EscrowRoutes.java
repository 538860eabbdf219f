package dev.ctx.keyservice.api;

import java.util.List;
import java.util.function.Function;

import io.javalin.http.HandlerType;

import dev.ctx.keyservice.auth.AccessRule;
import dev.ctx.keyservice.escrow.EscrowRefusal;
import dev.ctx.keyservice.escrow.EscrowRefusedException;
import dev.ctx.keyservice.escrow.EscrowService;

/**
 * {@code /v1/escrow/requests}: file, list, read, approve, reject, withdraw and open audit-escrow requests. The
 * state-changing routes admit any authenticated caller so that the escrow workflow itself refuses the wrong role with
 * one {@code ESCROW_DENIED} event; reading is for compliance officers (every request) and auditors (their own).
 */
final class EscrowRoutes {

    static final String PATH = "/v1/escrow/requests";
    private static final String ONE = PATH + "/{requestId}";

    private final EscrowService escrow;

    EscrowRoutes(EscrowService escrow) {
        this.escrow = escrow;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.POST, PATH, AccessRule.AUTHENTICATED, this::file),
                new ApiRoute(HandlerType.GET, PATH, AccessRule.COMPLIANCE_OR_AUDITOR, this::list),
                new ApiRoute(HandlerType.GET, ONE, AccessRule.COMPLIANCE_OR_AUDITOR, this::read),
                new ApiRoute(HandlerType.POST, ONE + "/approvals", AccessRule.AUTHENTICATED, this::approve),
                new ApiRoute(HandlerType.POST, ONE + "/rejection", AccessRule.AUTHENTICATED, this::reject),
                new ApiRoute(HandlerType.POST, ONE + "/withdrawal", AccessRule.AUTHENTICATED, this::withdraw),
                new ApiRoute(HandlerType.POST, ONE + "/open", AccessRule.AUTHENTICATED, this::open));
    }

    private void file(ApiCall call) {
        answer(call, 201, c -> {
            EscrowJson.File body = body(c, null, "file", EscrowJson.File.class);
            try {
                return EscrowJson.RequestView.of(escrow.file(c.identity(), c.audit(), body.toFiling()));
            } catch (ApiException e) {
                throw escrow.refuseMalformed(c.audit(), null, "file", e.getMessage());
            }
        });
    }

    private void list(ApiCall call) {
        call.respond(
                200,
                escrow.list(call.identity()).stream()
                        .map(EscrowJson.RequestView::of)
                        .toList());
    }

    private void read(ApiCall call) {
        EscrowJson.RequestView view = escrow.get(call.identity(), call.pathParam("requestId"))
                .map(EscrowJson.RequestView::of)
                .orElseThrow(() -> new ApiException(404, "not-found", "Not found", "no such escrow request"));
        call.respond(200, view);
    }

    private void approve(ApiCall call) {
        answer(
                call,
                200,
                c -> EscrowJson.RequestView.of(escrow.approve(c.identity(), c.audit(), c.pathParam("requestId"))));
    }

    private void reject(ApiCall call) {
        answer(call, 200, c -> {
            String requestId = c.pathParam("requestId");
            EscrowJson.Reject body = body(c, requestId, "reject", EscrowJson.Reject.class);
            return EscrowJson.RequestView.of(escrow.reject(c.identity(), c.audit(), requestId, body.reason()));
        });
    }

    private void withdraw(ApiCall call) {
        answer(
                call,
                200,
                c -> EscrowJson.RequestView.of(escrow.withdraw(c.identity(), c.audit(), c.pathParam("requestId"))));
    }

    private void open(ApiCall call) {
        answer(call, 200, c -> EscrowJson.OpenView.of(escrow.open(c.identity(), c.audit(), c.pathParam("requestId"))));
    }

    /** The body, or one {@code ESCROW_DENIED} event and a 400 if it is malformed. */
    private <T> T body(ApiCall call, String requestId, String action, Class<T> type) {
        try {
            return call.body(type);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            throw escrow.refuseMalformed(call.audit(), requestId, action, e.getMessage());
        }
    }

    private static void answer(ApiCall call, int status, Function<ApiCall, Object> handler) {
        try {
            call.respond(status, handler.apply(call));
        } catch (EscrowRefusedException e) {
            refuse(call, e);
        }
    }

    private static void refuse(ApiCall call, EscrowRefusedException refused) {
        EscrowRefusal refusal = refused.refusal();
        Refusals.answer(call, Refusals.PROBLEMS + "escrow-", refusal.name(), refusal.status(), refused.getMessage());
    }
}
