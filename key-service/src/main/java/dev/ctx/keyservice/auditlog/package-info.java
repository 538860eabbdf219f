/**
 * The key service's side of the sealed access log (docs/audit-sealer.md): the custodial Ed25519 audit signing keys
 * ({@link dev.ctx.keyservice.auditlog.AuditSigningKeys}, sealed under the master KEK through the same custody store as
 * the keyring-signing key) and the checkpoint notary that validates and signs the sealer's checkpoints and commits an
 * {@code AUDIT_CHECKPOINT_SIGNED} event for each ({@link dev.ctx.keyservice.auditlog.AuditCheckpointNotary}).
 */
package dev.ctx.keyservice.auditlog;
