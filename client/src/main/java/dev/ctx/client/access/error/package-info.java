/**
 * One exception type per answer of the key service's read API, all unchecked and rooted at
 * {@link dev.ctx.client.access.error.KeyServiceException}, each carrying the HTTP status and the problem's
 * {@code reason} code (RFC 9457 body member). Messages name the call, status, reason and the problem's title and
 * detail; they never hold confidential fields or credentials.
 *
 * <p>Boundary: plain exception types over {@link dev.ctx.client.access.error.Problem}; no I/O.
 */
package dev.ctx.client.access.error;
