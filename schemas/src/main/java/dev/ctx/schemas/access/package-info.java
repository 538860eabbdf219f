/**
 * The audit event record {@link dev.ctx.schemas.access.AccessEvent} (generated from {@code access/AccessEvent.avsc})
 * and {@link dev.ctx.schemas.access.AccessEventBuilder}, the one builder every writer of {@code access-log.events}
 * uses. The record and the topic are described in {@code docs/audit.md}.
 */
package dev.ctx.schemas.access;
