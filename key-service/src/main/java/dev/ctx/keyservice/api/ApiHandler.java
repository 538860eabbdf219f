package dev.ctx.keyservice.api;

/** A route's business handler, called after authentication and authorization. */
@FunctionalInterface
interface ApiHandler {

    void handle(ApiCall call) throws Exception;
}
