/**
 * Audit escrow: an auditor or compliance officer files a request to open named transactions with the escrow key under
 * a recorded authorization (e.g. a court order); two distinct compliance officers, neither the requester, approve it;
 * the requester opens it, at most {@code escrow.max.opens} times and before it expires.
 *
 * <p>{@link dev.ctx.keyservice.escrow.EscrowService} checks every rule ({@link dev.ctx.keyservice.escrow.EscrowRules}),
 * commits each state change with its access event through an {@link dev.ctx.keyservice.escrow.EscrowLog} (one Kafka
 * transaction on the compacted {@code escrow-requests} topic) and applies it to the
 * {@link dev.ctx.keyservice.escrow.EscrowTable} only once committed; each refusal is one {@code ESCROW_DENIED} event.
 * Opening borrows the escrow key through the {@code participants.EscrowKeyUnsealing} capability for one call only
 * ({@link dev.ctx.keyservice.escrow.EscrowOpener}). Record layout, endpoints and states: docs/escrow.md.
 */
package dev.ctx.keyservice.escrow;
