/**
 * Recipients of a transaction's DEK, resolved from the public keyrings on the compacted {@code participant-keys}
 * topic (materialized as a global store, which needs no changelog): every participant must be ACTIVE, KYC VERIFIED
 * and hold a current ACTIVE X25519 key, and the audit escrow key under the reserved id {@value
 * dev.ctx.envelope.Recipient#ESCROW_ID} is always added. Anything else is a typed rejection (fail closed).
 *
 * <p>Trust: only the key service may produce a keyring the processor uses.
 * {@link dev.ctx.processor.keys.TrustedKeyringProcessor} materializes the topic (also while restoring) and keeps a
 * keyring only if {@link dev.ctx.processor.keys.KeyringTrust} accepts it: an Ed25519 signature by the pinned
 * keyring-signing key over canonical form v1 ({@code docs/keyring-signature.md}), {@code participantId} equal to the
 * record key, and for the escrow keyring a current key whose SHA-256 fingerprint is pinned. A refused keyring disables
 * its participant ({@code UNTRUSTED_KEYRING}).
 */
package dev.ctx.processor.keys;
