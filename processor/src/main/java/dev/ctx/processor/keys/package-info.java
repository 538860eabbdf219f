/**
 * Recipients of a transaction's DEK, resolved from the public keyrings on the compacted {@code participant-keys}
 * topic (materialized as a global store, which needs no changelog): every participant must be ACTIVE, KYC VERIFIED
 * and hold a current ACTIVE X25519 key, and the audit escrow key under the reserved id {@value
 * dev.ctx.processor.keys.EscrowId#RESERVED} is always added. Anything else is a typed rejection (fail closed).
 */
package dev.ctx.processor.keys;
