/**
 * The HTTP API under {@code /v1} on Javalin 7: routes ({@link dev.ctx.keyservice.api.KeyServiceRoutes}), request and
 * response records, the request guard (authentication, authorization, denied-access events, metrics) and RFC 9457
 * problem bodies. Handlers translate HTTP to registry calls and nothing more.
 */
package dev.ctx.keyservice.api;
