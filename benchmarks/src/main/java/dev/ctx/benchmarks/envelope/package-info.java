/**
 * JMH benchmarks of the envelope library (seal for 1/2/4/8 recipients, open, rewrap) and baselines measured in the
 * same run (raw AES-256-GCM of the payload, one X25519 scalar multiplication, BouncyCastle's {@code HPKE} class), so
 * results can be read as ratios. Single-threaded; results and the command are in BENCHMARKS.md.
 *
 * <p>Boundary: uses only the public API of {@code ctx-envelope}, BouncyCastle and the JDK.
 */
package dev.ctx.benchmarks.envelope;
