package dev.ctx.cli.audit;

import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import dev.ctx.client.auditlog.AccessLogFollower;
import dev.ctx.client.auditlog.ChainBreak;
import dev.ctx.client.auditlog.FollowStatus;

/**
 * The metrics of {@code ctx audit verify --follow} (docs/access-log-chain.md §6, "Following the log"), per partition
 * of {@code access-log}, read from the follower's status at scrape time:
 *
 * <ul>
 *   <li>{@code ctx_audit_chain_broken{partition}} 1 once the partition broke, else 0; {@code ctx_audit_chain_valid}
 *       its complement (what the existing alerts and dashboard query);
 *   <li>{@code ctx_audit_chain_break{partition,kind,topic}} 1, registered at the break: what broke where;
 *       {@code ctx_audit_chain_break_offset{partition}} the offset of the broken record;
 *       {@code ctx_audit_chain_breaks_total{partition,kind}};
 *   <li>{@code ctx_audit_verified_sequence}, {@code ctx_audit_verified_offset}: the last verified entry;
 *   <li>{@code ctx_audit_entries_verified_total}, {@code ctx_audit_checkpoints_verified_total};
 *   <li>{@code ctx_audit_verified_checkpoint_timestamp_seconds} (signedAt of the newest checkpoint whose signature
 *       verified) and {@code ctx_audit_checkpoint_age_seconds} (now minus that; NaN before the first);
 *   <li>{@code ctx_audit_verifier_lag}: end offset (last stable offset) minus the next offset to verify.
 * </ul>
 */
final class FollowMetrics implements AccessLogFollower.Listener {

    private final MeterRegistry registry;
    private volatile AccessLogFollower follower;

    FollowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The follower whose status the meters read; set before it runs (it calls this listener). */
    void watch(AccessLogFollower watched) {
        this.follower = watched;
    }

    @Override
    public void assigned(Set<Integer> partitions) {
        partitions.forEach(this::register);
    }

    @Override
    public void broken(ChainBreak chainBreak) {
        Tags tags = Tags.of("partition", Integer.toString(chainBreak.partition()));
        Gauge.builder("ctx.audit.chain.break", () -> 1)
                .tags(tags.and("kind", chainBreak.kind().name(), "topic", chainBreak.topic()))
                .description("1 for the first break of the partition: its kind and the topic of the broken record")
                .register(registry);
        FunctionCounter.builder("ctx.audit.chain.breaks", chainBreak, b -> 1)
                .tags(tags.and("kind", chainBreak.kind().name()))
                .description("Chain breaks found (the first of each partition)")
                .register(registry);
    }

    private void register(int partition) {
        Tags tags = Tags.of("partition", Integer.toString(partition));
        gauge("ctx.audit.chain.broken", tags, "1 once the partition's chain broke", partition, s -> broken(s) ? 1 : 0);
        gauge("ctx.audit.chain.valid", tags, "0 once the partition's chain broke", partition, s -> broken(s) ? 0 : 1);
        gauge(
                "ctx.audit.chain.break.offset",
                tags,
                "Offset of the first broken record, -1 while the chain holds",
                partition,
                s -> s.broken().map(ChainBreak::offset).orElse(-1L));
        gauge("ctx.audit.verified.sequence", tags, "Sequence of the last verified entry", partition, s ->
                (double) s.lastSequence());
        gauge("ctx.audit.verified.offset", tags, "Offset of the last verified entry", partition, s ->
                (double) s.lastOffset());
        gauge("ctx.audit.verifier.lag", tags, "End offset minus the next offset to verify", partition, s ->
                (double) s.lag());
        gauge(
                "ctx.audit.verified.checkpoint.timestamp.seconds",
                tags,
                "signedAt of the newest checkpoint whose signature verified",
                partition,
                s -> s.lastCheckpointSignedAtMillis() < 0 ? Double.NaN : s.lastCheckpointSignedAtMillis() / 1000.0);
        gauge(
                "ctx.audit.checkpoint.age.seconds",
                tags,
                "Seconds since the newest checkpoint whose signature verified was signed",
                partition,
                s -> s.lastCheckpointSignedAtMillis() < 0
                        ? Double.NaN
                        : (System.currentTimeMillis() - s.lastCheckpointSignedAtMillis()) / 1000.0);
        FunctionCounter.builder(
                        "ctx.audit.entries.verified",
                        follower,
                        f -> value(f, partition, s -> (double) s.entriesVerified()))
                .tags(tags)
                .description("Entries verified since the verifier started")
                .register(registry);
        FunctionCounter.builder(
                        "ctx.audit.checkpoints.verified",
                        follower,
                        f -> value(f, partition, s -> (double) s.checkpointsVerified()))
                .tags(tags)
                .description("Checkpoints matched (signature, head hash, Merkle root) since the verifier started")
                .register(registry);
    }

    private void gauge(
            String name, Tags tags, String description, int partition, ToDoubleFunction<FollowStatus> value) {
        Gauge.builder(name, follower, f -> value(f, partition, value))
                .tags(tags)
                .description(description)
                .register(registry);
    }

    private static double value(AccessLogFollower follower, int partition, ToDoubleFunction<FollowStatus> value) {
        Optional<FollowStatus> status = follower.status(partition);
        return status.isPresent() ? value.applyAsDouble(status.get()) : Double.NaN;
    }

    private static boolean broken(FollowStatus status) {
        return status.broken().isPresent();
    }
}
