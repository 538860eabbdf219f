package dev.ctx.keyservice.api;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.participants.ParticipantId;

/** One authenticated request: typed access to path parameters and the JSON body, and the response. */
final class ApiCall {

    private final Context ctx;
    private final Identity identity;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    ApiCall(Context ctx, Identity identity, ObjectMapper mapper, long maxBodyBytes) {
        this.ctx = ctx;
        this.identity = identity;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    Identity identity() {
        return identity;
    }

    AuditContext audit() {
        return RequestGuard.auditContext(ctx, identity == null ? "anonymous" : identity.subject());
    }

    /** The {@code {id}} path parameter; 400 if malformed or reserved. */
    ParticipantId participantId() {
        return ParticipantId.parse(ctx.pathParam("id"));
    }

    /** The {@code {version}} path parameter: a positive integer; 400 otherwise. */
    int version() {
        String raw = ctx.pathParam("version");
        if (!raw.matches("[1-9][0-9]{0,8}")) {
            throw ApiException.badRequest("invalid-path", "key version must be a positive integer");
        }
        return Integer.parseInt(raw);
    }

    /** The {@code {name}} path parameter, as given. */
    String pathParam(String name) {
        return ctx.pathParam(name);
    }

    /** The query parameter {@code name}, or null when absent. */
    String queryParam(String name) {
        return ctx.queryParam(name);
    }

    /** The JSON body as {@code type}: 400 if oversize, empty, malformed, with unknown fields or wrong types. */
    <T> T body(Class<T> type) {
        return body(type, maxBodyBytes);
    }

    /** As {@link #body(Class)}, with a route's own body limit {@code limit} (the server's limit must admit it). */
    <T> T body(Class<T> type, long limit) {
        requireJsonContentType();
        T value = RequestBodies.read(mapper, rawBody(limit), type);
        if (value == null) {
            throw ApiException.badRequest("malformed-json", "request body must be a JSON object");
        }
        return value;
    }

    /** Whether the request has a body other than white space (some routes mean two things with and without). */
    boolean hasBody() {
        for (byte b : rawBody(maxBodyBytes)) {
            if (!Character.isWhitespace(b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 415 for a body declared as anything but JSON ({@code application/json} or a {@code +json} type); a request
     * without {@code Content-Type} is read as JSON.
     */
    private void requireJsonContentType() {
        String declared = ctx.header("Content-Type");
        if (declared != null && !RequestBodies.isJson(declared)) {
            throw new ApiException(
                    415, "unsupported-media-type", "Unsupported media type", "request bodies must be application/json");
        }
    }

    private byte[] rawBody(long limit) {
        if (ctx.req().getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try {
            byte[] bytes = ctx.bodyAsBytes();
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (HttpResponseException e) {
            throw tooLarge(limit);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            // Javalin rethrows the servlet's IOException unchecked: the client stalled past the idle timeout or the
            // minimum data rate, or went away. Its fault, so a 4xx, never a 500.
            if (e instanceof RuntimeException && !(e.getCause() instanceof IOException)) {
                throw (RuntimeException) e;
            }
            throw new ApiException(
                    408,
                    "request-timeout",
                    "Request timeout",
                    "the request body did not arrive in time or the connection broke");
        }
    }

    private static ApiException tooLarge(long limit) {
        return ApiException.badRequest("request-too-large", "request body exceeds " + limit + " bytes");
    }

    void respond(int status, Object body) {
        ctx.status(status).json(body);
    }

    /** 204, no body. */
    void noContent() {
        ctx.status(204);
    }

    /** Writes {@code problem} as {@code application/problem+json}, with {@code headers}. */
    void problem(Problem problem, Map<String, String> headers) {
        headers.forEach(ctx::header);
        RequestGuard.write(ctx, problem);
    }

    /** The request path (a problem's {@code instance}). */
    String path() {
        return ctx.path();
    }

    void text(String body) {
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(body);
    }

    void rawJson(String body) {
        ctx.status(200).contentType("application/json").result(body);
    }
}
