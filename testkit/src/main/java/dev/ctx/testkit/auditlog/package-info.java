/**
 * Test support for the hash-chained access log: {@link dev.ctx.testkit.auditlog.AccessLogFixture} writes, with the
 * format classes of {@code dev.ctx.schemas.auditlog} and a throwaway Ed25519 key, exactly what
 * {@code docs/access-log-chain.md} says the sealer writes (entries and signed checkpoints, per partition), and can
 * tamper with it the ways the verifier must detect. Not the sealer: it has no state store and no Kafka Streams.
 */
package dev.ctx.testkit.auditlog;
