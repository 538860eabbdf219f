/**
 * Versioned byte layouts that are persisted: the ciphertext part ({@link dev.ctx.envelope.format.CiphertextPart}),
 * the per-recipient DEK wrap ({@link dev.ctx.envelope.format.DekWrap}), and the canonical encodings of the AEAD AAD
 * and HPKE info ({@link dev.ctx.envelope.format.ContextEncoding}).
 *
 * <p>Boundary: pure byte layout, no cryptography. Every layout starts with a
 * {@link dev.ctx.envelope.format.FormatVersion} byte and is pinned by the golden files under
 * {@code src/test/resources/golden/v<N>/}; a change to a layout is a new version, never an edit of an old one.
 */
package dev.ctx.envelope.format;
