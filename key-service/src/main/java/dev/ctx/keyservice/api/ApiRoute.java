package dev.ctx.keyservice.api;

import io.javalin.http.HandlerType;

import dev.ctx.keyservice.auth.AccessRule;

/**
 * One API endpoint: method, path template, who may call it, and its handler. The OpenAPI document lists every route.
 *
 * @param method HTTP method
 * @param path Javalin path template, e.g. {@code /v1/participants/{id}}
 * @param rule who may call it; null for the unauthenticated health endpoints
 * @param handler the business handler
 */
record ApiRoute(HandlerType method, String path, AccessRule rule, ApiHandler handler) {

    boolean isAboutAParticipant() {
        return path.contains("{id}");
    }
}
