/**
 * Privacy-preserving receipts (issue 18): Pedersen commitments C = v·G + r·H to a transaction's amount v in minor
 * units on NIST P-256, with H from RFC 9380 hash-to-curve ({@link dev.ctx.envelope.receipts.HashToCurve}) so that
 * nobody knows log_G(H), and three proofs over a domain-separated Fiat-Shamir transcript
 * ({@link dev.ctx.envelope.receipts.Transcript}):
 * {@link dev.ctx.envelope.receipts.OpeningProof} (per transaction: knowledge of the opening, bound to the txn id),
 * {@link dev.ctx.envelope.receipts.SumProof} (on demand: a set of commitments sums to a stated total) and
 * {@link dev.ctx.envelope.receipts.RangeProof} (on demand: a value is in [0, 2^64), bit decomposition with
 * OR-proofs). Byte layouts, field by field: {@code docs/receipts.md}.
 *
 * <p>The group arithmetic is BouncyCastle's (its {@code secp256r1} custom curve, point addition and cache-safe
 * lookup tables); fixed-base multiplication by G and H reads precomputed window tables built with it
 * ({@code FixedBaseTable}). This package writes the protocol, not the curve. BouncyCastle's point addition is not
 * guaranteed to be constant-time, and {@link java.math.BigInteger} scalars cannot be wiped: a co-resident attacker
 * who can time the processor may learn about blindings. Malformed inputs fail with typed errors
 * ({@link dev.ctx.envelope.error.InvalidPointException}, {@link dev.ctx.envelope.error.ReceiptFormatException},
 * {@link dev.ctx.envelope.error.ValueOutOfRangeException}); a well-formed but false proof makes {@code verify}
 * return false. No Kafka.
 */
package dev.ctx.envelope.receipts;
