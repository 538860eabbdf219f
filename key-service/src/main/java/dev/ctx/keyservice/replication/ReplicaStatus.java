package dev.ctx.keyservice.replication;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a replica says about its role: {@code GET /health} ({@code role} {@code leader}, {@code follower} or
 * {@code single}, the leader's {@code service.instance} if known) and the gauge {@code ctx_key_service_leader} (1 while
 * this replica may write lifecycle changes: the leader, or a single replica).
 */
public final class ReplicaStatus {

    /** The gauge's name (Prometheus: {@code ctx_key_service_leader}). */
    public static final String LEADER_GAUGE = "ctx.key_service.leader";

    private final String instance;
    private final boolean replicated;
    private final BooleanSupplier leads;
    private final Supplier<Optional<String>> leader;

    /**
     * @param replicated whether this is one of several replicas ({@code replication.enabled})
     * @param leads whether this replica is the leader (ignored for a single replica)
     * @param leader who leads, if known
     */
    public ReplicaStatus(
            String instance, boolean replicated, BooleanSupplier leads, Supplier<Optional<String>> leader) {
        this.instance = instance;
        this.replicated = replicated;
        this.leads = leads;
        this.leader = leader;
    }

    /** A single replica ({@code replication.enabled=false}): it always writes. */
    public static ReplicaStatus single(String instance) {
        return new ReplicaStatus(instance, false, () -> true, () -> Optional.of(instance));
    }

    /** Registers {@link #LEADER_GAUGE}. */
    public ReplicaStatus register(MeterRegistry meters) {
        Gauge.builder(LEADER_GAUGE, this, status -> status.writes() ? 1 : 0)
                .description("1 while this replica writes lifecycle changes (the leader, or a single replica)")
                .register(meters);
        return this;
    }

    /** Whether this replica writes lifecycle changes. */
    public boolean writes() {
        return !replicated || leads.getAsBoolean();
    }

    /** {@code leader}, {@code follower} or {@code single}. */
    public String role() {
        if (!replicated) {
            return "single";
        }
        return leads.getAsBoolean() ? "leader" : "follower";
    }

    /** The body of {@code GET /health}, with the probes' answers. */
    public Map<String, Object> health(boolean live, boolean ready) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", live && ready ? "ok" : "degraded");
        body.put("live", live);
        body.put("ready", ready);
        body.put("role", role());
        body.put("instance", instance);
        leader.get().ifPresent(name -> body.put("leader", name));
        return body;
    }
}
