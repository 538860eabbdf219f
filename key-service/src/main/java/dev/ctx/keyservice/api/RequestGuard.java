package dev.ctx.keyservice.api;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.auth.AuthenticationException;
import dev.ctx.keyservice.auth.Credentials;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.lookup.LookupUnavailableException;
import dev.ctx.keyservice.participants.ConflictException;
import dev.ctx.keyservice.participants.InvalidParticipantIdException;
import dev.ctx.keyservice.participants.NotFoundException;
import dev.ctx.keyservice.participants.NotLeaderException;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEventType;

/**
 * Wraps every route: refuse an address with too many failed authentications (429 with {@code Retry-After}),
 * authenticate (401), parse the path participant (400), authorize (403), run, map errors to problem bodies, time it.
 * 401 and 403 are submitted as denied access events to a bounded queue (never waited for, never in the store's
 * transaction). Client errors never become 500.
 */
final class RequestGuard {

    private static final Logger LOGGER = LoggerFactory.getLogger(RequestGuard.class);
    private static final String CERTIFICATES_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    /** A follower: the leader is usually known (or elected) within seconds. */
    private static final String NOT_LEADER_RETRY_AFTER_SECONDS = "1";

    private final KeyServiceComponents components;
    private final ObjectMapper mapper;

    RequestGuard(KeyServiceComponents components, ObjectMapper mapper) {
        this.components = components;
        this.mapper = mapper;
    }

    Handler guard(ApiRoute route) {
        return ctx -> {
            long start = System.nanoTime();
            try {
                run(route, ctx);
            } catch (Exception e) {
                problem(ctx, route, e);
            } finally {
                components
                        .metrics()
                        .record(route.method().name(), route.path(), ctx.statusCode(), System.nanoTime() - start);
            }
        };
    }

    private void run(ApiRoute route, Context ctx) throws Exception {
        if (route.rule() == null) {
            route.handler().handle(new ApiCall(ctx, null, mapper, components.maxBodyBytes()));
            return;
        }
        refuseIfThrottled(ctx);
        Identity identity = authenticate(ctx, route);
        ApiCall call = new ApiCall(ctx, identity, mapper, components.maxBodyBytes());
        String participantId =
                route.isAboutAParticipant() ? call.participantId().value() : null;
        if (!route.rule().permits(identity, participantId)) {
            deny(
                    ctx,
                    route,
                    AccessEventType.ACCESS_DENIED,
                    identity.subject(),
                    "role " + identity.role().claim() + " may not call this");
            throw new ApiException(403, "forbidden", "Forbidden", "this identity may not perform this operation");
        }
        route.handler().handle(call);
    }

    private Identity authenticate(Context ctx, ApiRoute route) {
        try {
            return components.authenticator().authenticate(credentials(ctx)).orElseThrow();
        } catch (AuthenticationException e) {
            components.authFailures().recordFailure(ctx.ip());
            deny(ctx, route, AccessEventType.AUTHENTICATION_FAILED, "anonymous", e.getMessage());
            throw new ApiException(401, "unauthenticated", "Unauthorized", e.getMessage());
        }
    }

    /** Checked before the credentials, so a blocked address costs neither a signature check nor an audit event. */
    private void refuseIfThrottled(Context ctx) {
        components.authFailures().blockedFor(ctx.ip()).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(
                    429,
                    "too-many-authentication-failures",
                    "Too many requests",
                    "too many failed authentications from this address; retry after " + seconds + " s");
        });
    }

    private static Credentials credentials(Context ctx) {
        Object chain = ctx.req().getAttribute(CERTIFICATES_ATTRIBUTE);
        List<X509Certificate> certificates =
                chain instanceof X509Certificate[] array ? Arrays.asList(array) : List.of();
        return new Credentials(ctx.header("Authorization"), certificates);
    }

    private void deny(Context ctx, ApiRoute route, AccessEventType type, String requester, String reason) {
        components
                .auditSink()
                .submit(components
                        .events()
                        .denied(
                                type,
                                ctx.path(),
                                auditContext(ctx, requester),
                                reason,
                                Map.of("method", route.method().name(), "route", route.path())));
    }

    static AuditContext auditContext(Context ctx, String requester) {
        return new AuditContext(requester, ctx.ip(), ctx.header("User-Agent"));
    }

    private void problem(Context ctx, ApiRoute route, Exception e) {
        ApiException api = toApiException(e);
        if (e instanceof NotLeaderException) {
            // a follower refusing a lifecycle write is the replication model working, not a failure
            LOGGER.atInfo().addKeyValue("route", route.path()).log("write refused: this replica follows");
            ctx.header("Retry-After", NOT_LEADER_RETRY_AFTER_SECONDS);
        } else if (api.status() >= 500) {
            LOGGER.atError()
                    .addKeyValue("route", route.path())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("request failed");
        }
        write(ctx, api.problem(ctx.path()));
    }

    static void write(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).json(problem);
        ctx.contentType(Problem.CONTENT_TYPE);
    }

    private static ApiException toApiException(Exception e) {
        if (e instanceof ApiException api) {
            return api;
        } else if (e instanceof InvalidParticipantIdException) {
            return ApiException.badRequest("invalid-path", e.getMessage());
        } else if (e instanceof NotFoundException) {
            return new ApiException(404, "not-found", "Not found", e.getMessage());
        } else if (e instanceof ConflictException) {
            return new ApiException(409, "conflict", "Conflict", e.getMessage());
        } else if (e instanceof NotLeaderException notLeader) {
            return new ApiException(
                    503,
                    "not-leader",
                    "Service unavailable",
                    notLeader
                            .leader()
                            .map(leader -> "this replica follows; lifecycle writes go to the leader, " + leader)
                            .orElse("this replica follows and no leader is known; retry later"));
        } else if (e instanceof StoreUnavailableException) {
            return new ApiException(
                    503, "store-unavailable", "Service unavailable", "the change was not acknowledged; retry later");
        } else if (e instanceof LookupUnavailableException) {
            return new ApiException(
                    503,
                    "lookup-unavailable",
                    "Service unavailable",
                    "the transaction view is not queryable now; retry later");
        }
        return new ApiException(500, "internal", "Internal error", "internal error");
    }
}
