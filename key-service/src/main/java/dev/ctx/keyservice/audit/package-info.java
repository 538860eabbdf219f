/**
 * Access events ({@link dev.ctx.schemas.access.AccessEvent}) the key service emits for every lifecycle operation and
 * every denied request. Events carry ids, versions and coordinates, never key material.
 */
package dev.ctx.keyservice.audit;
