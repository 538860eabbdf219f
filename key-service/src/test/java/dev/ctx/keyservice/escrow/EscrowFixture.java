package dev.ctx.keyservice.escrow;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.keyservice.access.SealedSample;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.auth.Role;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.EscrowKeyUnsealing;
import dev.ctx.keyservice.participants.KeyVersion;
import dev.ctx.keyservice.testing.LifecycleFixture;
import dev.ctx.keyservice.testing.MutableClock;
import dev.ctx.schemas.access.AccessEvent;

/**
 * The escrow workflow on the real key lifecycle (in-memory store, real PKCS#12 KEK, real escrow key) with a
 * transaction sealed for two participants and the escrow key, an in-process escrow log and a recording group
 * committer for the denials.
 */
final class EscrowFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-06-10T00:00:00Z");
    static final AuditContext FROM = new AuditContext("ignored", "10.0.0.7", "ctx-cli/1.0");
    static final String TXN = SealedSample.TXN;

    final MutableClock clock = new MutableClock(NOW);
    final LifecycleFixture lifecycle;
    final SealedSample sample;
    final Map<String, LookupResult> view = new HashMap<>();
    final RecordingEscrowLog log = new RecordingEscrowLog();
    final List<AccessEvent> denials = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AccessEventCommitter committer;
    final EscrowKeyUnsealing escrowKeys;
    EscrowTable table = new EscrowTable();
    EscrowService service;
    private final int maxOpens;

    EscrowFixture(Path dir, int maxOpens) {
        this.maxOpens = maxOpens;
        lifecycle = LifecycleFixture.start(dir, clock);
        KeyVersion escrowKey = lifecycle.keys.createEscrowKey(AuditContext.system("test"));
        sample = SealedSample.sealFor(List.of(
                new Recipient("client-1", 1, X25519KeyPair.generate().publicKey()),
                new Recipient("miner-1", 1, X25519KeyPair.generate().publicKey()),
                new Recipient(Recipient.ESCROW_ID, escrowKey.version(), escrowKey.publicKey())));
        view.put(TXN, new LookupResult.Found(sample.encrypted, sample.envelope));
        committer = AccessEventCommitter.start(100, 10, Duration.ZERO, denials::addAll, meters);
        escrowKeys = lifecycle.keys.handOverEscrowKeyUnsealingOnce();
        service = newService(table);
    }

    /** A fresh service on the table a replay of the log builds, as a restarted key service would. */
    EscrowService restart() {
        table = log.replay();
        service = newService(table);
        return service;
    }

    private EscrowService newService(EscrowTable on) {
        return new EscrowService(
                on,
                log,
                id -> view.getOrDefault(id, new LookupResult.Unknown(id)),
                escrowKeys,
                committer,
                new AccessEvents("key-service/test", clock),
                new EscrowSettings(maxOpens, Duration.ofDays(30), Duration.ofSeconds(5)),
                clock,
                new SimpleMeterRegistry(),
                this::transactionsOf);
    }

    /** The view's answer to a participant scope: found transactions listing the participant, timestamp in range. */
    private List<String> transactionsOf(String participantId, Instant from, Instant to, int limit) {
        return view.entrySet().stream()
                .filter(e -> e.getValue() instanceof LookupResult.Found found
                        && found.transaction().getParticipants().contains(participantId)
                        && !found.transaction().getTimestamp().isBefore(from)
                        && found.transaction().getTimestamp().isBefore(to))
                .map(Map.Entry::getKey)
                .sorted()
                .limit(limit)
                .toList();
    }

    static Identity steppedUp(String subject, Role role) {
        return new Identity(subject, role, "jwt", Set.of("pwd", "mfa"));
    }

    static Identity passwordOnly(String subject, Role role) {
        return new Identity(subject, role, "jwt", Set.of("pwd"));
    }

    static EscrowFiling filing() {
        return new EscrowFiling(
                List.of(TXN), "CO-2026-17", "court order", "fraud case 9", null, null, Duration.ofDays(7));
    }

    @Override
    public void close() {
        committer.close();
        lifecycle.close();
    }
}
