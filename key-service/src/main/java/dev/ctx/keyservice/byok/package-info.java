/**
 * Participant-held keys (BYOK): a participant registers its own X25519 public key with a proof of possession (the
 * service HPKE-seals a random challenge to it and the participant returns it opened), and the key becomes its current
 * version without the service ever holding the private key. Protocol byte by byte:
 * {@code docs/participant-held-keys.md}.
 */
package dev.ctx.keyservice.byok;
