/**
 * Access events ({@link dev.ctx.schemas.access.AccessEvent}) the key service emits for every lifecycle operation and
 * every denied request. Events carry ids, versions and coordinates, never key material. Denied-request events go
 * through a {@link dev.ctx.keyservice.audit.DenialSink}, in production the bounded
 * {@link dev.ctx.keyservice.audit.DenialEventQueue}.
 */
package dev.ctx.keyservice.audit;
