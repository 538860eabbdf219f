/**
 * Ed25519 (RFC 8032, pure, no context) signing keys for the key service's signed keyrings:
 * {@link dev.ctx.envelope.sign.Ed25519SigningKey} (opaque, destroyable; only the key service holds one) and
 * {@link dev.ctx.envelope.sign.Ed25519VerifyingKey} (public, immutable; the processor and consumers pin one).
 *
 * <p>Split: this package signs and verifies byte strings only; it knows nothing of Avro. The canonical byte string of a
 * keyring (with its domain-separation prefix) is built next to the schema, by
 * {@code dev.ctx.schemas.keys.signing.KeyringSigningInput} in the schemas module, so a consumer that already has the
 * schema classes can verify without the key service. Layout and fingerprint: {@code docs/keyring-signature.md}.
 *
 * <p>Boundary: the 32-byte seed leaves {@link dev.ctx.envelope.sign.Ed25519SigningKey} only through
 * {@link dev.ctx.envelope.sign.Ed25519SigningKey#exposeSecretBytesForCustodySealing()}. Depends only on
 * BouncyCastle's low-level {@code rfc8032.Ed25519}, {@link dev.ctx.envelope.error} and the fingerprint helper in
 * {@code internal}.
 */
package dev.ctx.envelope.sign;
