/**
 * Authentication (mutual-TLS client certificate or signed JWT bearer token) to an
 * {@link dev.ctx.keyservice.auth.Identity} with a {@link dev.ctx.keyservice.auth.Role}, and the
 * {@link dev.ctx.keyservice.auth.AccessRule}s routes demand. No HTTP framework types leak out except through
 * {@link dev.ctx.keyservice.auth.Credentials}.
 */
package dev.ctx.keyservice.auth;
