/**
 * Not API: the hand-written HPKE (RFC 9180) base mode, single-shot and context APIs, for DHKEM(X25519, HKDF-SHA256) /
 * HKDF-SHA256 with AES-128-GCM or AES-256-GCM. Other modules must not import it; it may change without notice. What
 * other modules need of HPKE has a narrow, purpose-named API in {@link dev.ctx.envelope}: the envelope classes for
 * DEK wraps and {@link dev.ctx.envelope.HpkeChallenge} for a key-possession challenge.
 *
 * <p>Boundary: X25519 through {@link dev.ctx.envelope.key} handles (BouncyCastle low-level), HKDF and AES-GCM through
 * the JDK ({@code dev.ctx.envelope.internal}). It knows nothing of transactions or envelopes; the envelope layer
 * chooses {@code info} and {@code aad}. Why hand-written: it is 11-13 % faster than BouncyCastle's {@code HPKE} class
 * ({@code BENCHMARKS.md}) and was about 3x faster than Tink when measured; interop is tested against BouncyCastle,
 * Node and the RFC 9180 and OpenSSL vectors.
 */
package dev.ctx.envelope.internal.hpke;
