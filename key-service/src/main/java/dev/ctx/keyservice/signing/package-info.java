/**
 * The key service's keyring-signing key: an Ed25519 key generated on first start, sealed under the master KEK like a
 * participant private key (reserved custody id {@value dev.ctx.keyservice.signing.SigningKeyCustody#RESERVED_ID},
 * version 1, on the {@code key-custody} topic), opened again on every restart, never logged and never returned.
 * {@link dev.ctx.keyservice.signing.KeyringSigner} signs every keyring the store writes to {@code participant-keys};
 * its public key is served at {@code GET /v1/keyring-signing-key} and its fingerprint logged at startup, for operators
 * to pin in the processor. Canonical bytes: {@code dev.ctx.schemas.keys.signing}; Ed25519:
 * {@code dev.ctx.envelope.sign}.
 */
package dev.ctx.keyservice.signing;
