/**
 * Custody of participant private keys: X25519 private keys sealed with AES-256-GCM under the master KEK, bound by AAD
 * to (participant id, key version), and the versioned byte layout of the {@code key-custody} topic value.
 *
 * <p>Boundary: unsealed private keys exist only as {@link dev.ctx.envelope.key.X25519PrivateKey} handles inside this
 * package's callers for the duration of one operation; what leaves this package is sealed.
 */
package dev.ctx.keyservice.custody;
