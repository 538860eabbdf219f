package dev.ctx.keyservice.testing;

import java.nio.file.Path;
import java.time.Clock;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.kek.KekFixture;
import dev.ctx.keyservice.kek.MasterKek;
import dev.ctx.keyservice.participants.KeyLifecycle;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantRegistry;
import dev.ctx.keyservice.participants.ParticipantStates;
import dev.ctx.keyservice.store.InMemoryParticipantStore;

/**
 * The key-service core on an {@link InMemoryParticipantStore}: a PKCS#12 KEK in a temp dir, the registry and the key
 * lifecycle, no Kafka. {@link #restart()} replays the store into a fresh view, as a process restart would.
 */
public final class LifecycleFixture implements AutoCloseable {

    public final InMemoryParticipantStore store = new InMemoryParticipantStore();
    private final Clock clock;
    private final MasterKek kek;
    public ParticipantStates states;
    public ParticipantRegistry registry;
    public KeyLifecycle keys;

    private LifecycleFixture(Path dir, Clock clock) {
        KekFixture kekFixture = KekFixture.pkcs12(dir);
        kekFixture.provision("master");
        this.kek = kekFixture.open("master");
        this.clock = clock;
        restart();
    }

    public static LifecycleFixture start(Path dir, Clock clock) {
        return new LifecycleFixture(dir, clock);
    }

    /** A new view, registry and lifecycle replayed from the same store and KEK. */
    public LifecycleFixture restart() {
        AccessEvents events = new AccessEvents("key-service/test", clock);
        states = ParticipantStates.load(store);
        registry = new ParticipantRegistry(states, events, clock);
        keys = new KeyLifecycle(states, new KeyCustodian(kek), events, clock);
        return this;
    }

    /** A custodian under this fixture's master KEK. */
    public KeyCustodian custodian() {
        return new KeyCustodian(kek);
    }

    /** Test-only: unseals a stored private key straight from custody, bypassing the lifecycle's refusals and audit. */
    public X25519PrivateKey unsealForTest(ParticipantId id, int version) {
        return new KeyCustodian(kek)
                .open(id.value(), states.require(id).custody().version(version).orElseThrow());
    }

    @Override
    public void close() {
        kek.close();
    }
}
