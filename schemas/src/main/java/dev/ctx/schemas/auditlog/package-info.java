/**
 * The byte layouts of the hash-chained access log (format v1, {@code docs/access-log-chain.md}): the canonical
 * encoding of an event ({@link dev.ctx.schemas.auditlog.CanonicalAccessEvent}), the chain hash
 * ({@link dev.ctx.schemas.auditlog.ChainHash}), the RFC 6962 Merkle tree over a checkpoint's entries
 * ({@link dev.ctx.schemas.auditlog.MerkleTree}) and the bytes a checkpoint signature covers
 * ({@link dev.ctx.schemas.auditlog.CheckpointSigningInput}). The sealer writes with them and the verifier checks
 * with them; both records ({@code SealedAccessEvent}, {@code AccessLogCheckpoint}) are generated from
 * {@code auditlog/*.avsc}. Pure functions, no Kafka.
 */
package dev.ctx.schemas.auditlog;
