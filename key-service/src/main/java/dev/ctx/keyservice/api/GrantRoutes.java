package dev.ctx.keyservice.api;

import java.util.List;

import io.javalin.http.HandlerType;

import dev.ctx.keyservice.auth.AccessRule;
import dev.ctx.keyservice.grants.GrantAlreadyRevokedException;
import dev.ctx.keyservice.grants.GrantException;
import dev.ctx.keyservice.grants.Grants;
import dev.ctx.keyservice.grants.InvalidGrantException;
import dev.ctx.keyservice.grants.UnknownGrantException;

/** {@code /v1/grants}: create, list (by grantee) and revoke time-bound access grants; operators and compliance only. */
final class GrantRoutes {

    private final Grants grants;

    GrantRoutes(Grants grants) {
        this.grants = grants;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.POST, "/v1/grants", AccessRule.OPERATOR_OR_COMPLIANCE, this::create),
                new ApiRoute(HandlerType.GET, "/v1/grants", AccessRule.OPERATOR_OR_COMPLIANCE, this::list),
                new ApiRoute(
                        HandlerType.DELETE, "/v1/grants/{grantId}", AccessRule.OPERATOR_OR_COMPLIANCE, this::revoke));
    }

    private void create(ApiCall call) {
        GrantJson.CreateGrant body = call.body(GrantJson.CreateGrant.class);
        try {
            call.respond(201, GrantJson.GrantView.of(grants.create(call.audit(), body.toRequest())));
        } catch (GrantException e) {
            throw problem(e);
        }
    }

    private void list(ApiCall call) {
        String grantee = call.queryParam("grantee");
        if (grantee != null && grantee.isBlank()) {
            throw ApiException.badRequest("invalid-query", "grantee must not be blank");
        }
        call.respond(
                200, grants.list(grantee).stream().map(GrantJson.GrantView::of).toList());
    }

    private void revoke(ApiCall call) {
        try {
            grants.revoke(call.audit(), call.pathParam("grantId"));
            call.noContent();
        } catch (GrantException e) {
            throw problem(e);
        }
    }

    private static ApiException problem(GrantException e) {
        if (e instanceof InvalidGrantException) {
            return ApiException.badRequest("invalid-grant", e.getMessage());
        } else if (e instanceof UnknownGrantException) {
            return new ApiException(404, "not-found", "Not found", e.getMessage());
        } else if (e instanceof GrantAlreadyRevokedException) {
            return new ApiException(409, "grant-revoked", "Conflict", e.getMessage());
        }
        return new ApiException(500, "internal", "Internal error", "internal error");
    }
}
