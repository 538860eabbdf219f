/**
 * The canonical, versioned byte string a keyring signature covers
 * ({@link dev.ctx.schemas.keys.signing.KeyringSigningInput}), defined field by field in
 * {@code docs/keyring-signature.md} and pinned by a golden file.
 *
 * <p>Split: this package lives next to the schema so the encoding changes with the record; it only builds bytes and
 * does no cryptography. Signing and verifying those bytes is {@code dev.ctx.envelope.sign} (Ed25519, no Avro); the key
 * service signs every keyring it writes and the processor (and any consumer) verifies against a pinned public key.
 */
package dev.ctx.schemas.keys.signing;
