/**
 * The verifier of the hash-chained access log ({@code docs/access-log-chain.md}): recomputes every partition's chain
 * of {@code access-log}, checks every signed checkpoint of {@code access-log.checkpoints} and reports the first break
 * of each partition with its (topic, partition, offset) and {@link dev.ctx.client.auditlog.BreakKind}. Sources: a
 * broker ({@link dev.ctx.client.auditlog.BrokerAccessLog}, read_committed) or an export file
 * ({@link dev.ctx.client.auditlog.ExportFileReader}, JSON Lines, §7). Inclusion proofs of one event under a signed
 * checkpoint: {@link dev.ctx.client.auditlog.InclusionProof} (§8). Continuous verification of a broker's log:
 * {@link dev.ctx.client.auditlog.AccessLogFollower} (§6, "Following the log"), with a
 * {@link dev.ctx.client.auditlog.FollowStatus} per partition.
 *
 * <p>Boundary: the format classes of {@code dev.ctx.schemas.auditlog} and plain kafka-clients; no Kafka Streams, no
 * standard streams (progress goes to a {@link dev.ctx.client.auditlog.AccessLogSink}). Memory: per partition the
 * chain head, a {@link dev.ctx.schemas.auditlog.MerkleTree.Builder} (O(log n)) and the checkpoints not yet reached.
 */
package dev.ctx.client.auditlog;
