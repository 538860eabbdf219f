/**
 * X25519 key handles: {@link dev.ctx.envelope.key.X25519PublicKey} (public, immutable),
 * {@link dev.ctx.envelope.key.X25519PrivateKey} (opaque, destroyable) and
 * {@link dev.ctx.envelope.key.X25519KeyPair}.
 *
 * <p>Boundary: this package owns private-key bytes. Nothing outside it reads them except through
 * {@link dev.ctx.envelope.key.X25519PrivateKey#exposeSecretBytesForCustodySealing()} (for the key service's custody
 * sealing) or the library-internal Diffie-Hellman hook. It depends only on BouncyCastle's low-level
 * {@code rfc7748.X25519}, {@link dev.ctx.envelope.error} and the fingerprint helper in {@code internal}.
 */
package dev.ctx.envelope.key;
