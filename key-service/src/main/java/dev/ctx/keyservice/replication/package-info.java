/**
 * Several key-service replicas on one {@code store.transactional.id} ({@code replication.enabled}): a consumer group on
 * a one-partition topic elects the leader ({@link dev.ctx.keyservice.replication.LeaderElection}; the member assigned
 * partition 0 leads, as {@link dev.ctx.keyservice.replication.LeaderRole} decides), which alone writes lifecycle
 * changes; its {@code initTransactions()} fences the previous leader, so a stale one cannot write. The others follow
 * the key topics and answer reads and access requests. Settings: {@link
 * dev.ctx.keyservice.replication.ReplicationSettings}; what {@code /health} and the metrics say: {@link
 * dev.ctx.keyservice.replication.ReplicaStatus}.
 */
package dev.ctx.keyservice.replication;
