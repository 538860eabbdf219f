/**
 * The participant registry: participants, their key versions and lifecycle (create, rotate, retire, revoke, destroy),
 * the audit escrow key, all held in memory and written through a {@link dev.ctx.keyservice.registry.RegistryStore}.
 *
 * <p>Boundary: every mutation is serialized per participant, committed to the store together with its access event,
 * and only then applied in memory; a failed commit changes nothing. No HTTP or Kafka types here.
 */
package dev.ctx.keyservice.registry;
