/**
 * Batch rewrap for key rotation: the rewrap job (processor) sends the wraps that still name an old key version of a
 * participant; {@link dev.ctx.keyservice.rewrap.RewrapService} checks each against the lookup view, unwraps it with
 * the old custodial key and wraps the DEK for the participant's current public key, so the DEK never leaves this
 * service. One {@code REWRAPPED} access event per batch is committed before the answer. See {@code docs/rewrap.md}.
 */
package dev.ctx.keyservice.rewrap;
