/**
 * The Java client of the key service's read API ({@code docs/consumer-client.md}): access requests
 * ({@code POST /v1/access-requests}), time-bound grants ({@code /v1/grants}) and the participant-held-key (BYOK)
 * registration calls, over the JDK's {@code java.net.http} with the caller's credentials (a bearer JWT supplier
 * and/or client TLS through an {@code SSLContext}).
 *
 * <p>Boundary: HTTP and JSON only; every error answer becomes one typed exception of
 * {@link dev.ctx.client.access.error}. Opening a challenge is {@link dev.ctx.client.byok}'s business.
 */
package dev.ctx.client.access;
