/**
 * The access-log verifier's speed from an export file on one thread ({@link
 * dev.ctx.benchmarks.auditlog.VerifierBenchmark}), against the baseline of reading and decoding the same file.
 */
package dev.ctx.benchmarks.auditlog;
