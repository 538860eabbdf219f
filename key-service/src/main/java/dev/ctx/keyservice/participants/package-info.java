/**
 * The participant registry: participants, their key versions and lifecycle (create, rotate, retire, revoke, destroy),
 * the audit escrow key, all held in memory ({@link dev.ctx.keyservice.participants.ParticipantStates}) and written
 * through a {@link dev.ctx.keyservice.participants.ParticipantStore}.
 *
 * <p>{@link dev.ctx.keyservice.participants.ParticipantRegistry} registers participants and updates their registry
 * fields; {@link dev.ctx.keyservice.participants.KeyLifecycle} changes their keys: new versions come from
 * {@link dev.ctx.keyservice.participants.KeyIssuer}, status changes follow the state machine
 * {@link dev.ctx.keyservice.participants.KeyTransition}, every change is described by a
 * {@link dev.ctx.keyservice.participants.KeyEvents} access event, and the audited custodial open is
 * {@link dev.ctx.keyservice.participants.CustodialKeyOpener}. Which keys are due for max-age rotation is decided in
 * {@code rotation}.
 *
 * <p>Boundary: every mutation is serialized per participant, committed to the store together with its access event,
 * and only then applied in memory; a failed commit changes nothing. No HTTP or Kafka types here.
 */
package dev.ctx.keyservice.participants;
