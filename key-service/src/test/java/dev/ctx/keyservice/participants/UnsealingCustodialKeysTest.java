package dev.ctx.keyservice.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CustodyRecord;
import dev.ctx.keyservice.custody.ParticipantHeldKeyException;
import dev.ctx.keyservice.testing.LifecycleFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

class UnsealingCustodialKeysTest {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final AuditContext MINER = new AuditContext("miner-1", "10.0.0.2", "test");
    private static final ParticipantId ID = ParticipantId.parse("miner-1");

    @TempDir
    Path dir;

    @Test
    void aLentKeyIsOpenedAuditedAndDestroyedAfterUse() {
        try (LifecycleFixture fixture = LifecycleFixture.start(dir, Clock.systemUTC())) {
            // Given
            fixture.registry.register(OPERATOR, ID, ParticipantRole.MINER, KycStatus.VERIFIED, List.of("settlement"));
            KeyVersion version = fixture.keys.createKey(OPERATOR, ID);
            UnsealingCustodialKeys keys = new UnsealingCustodialKeys(fixture.states, fixture.keys);
            AtomicReference<X25519PrivateKey> lent = new AtomicReference<>();
            // When
            String fingerprint = keys.withKey(MINER, "miner-1", 1, key -> {
                lent.set(key);
                return key.publicKey().fingerprint();
            });
            // Then
            assertThat(fingerprint).isEqualTo(version.publicKey().fingerprint());
            assertThat(lent.get().isDestroyed()).isTrue();
            assertThat(fixture.store.events())
                    .filteredOn(e -> e.getType() == AccessEventType.KEY_OPENED)
                    .singleElement()
                    .extracting(AccessEvent::getRequester)
                    .isEqualTo("miner-1");
        }
    }

    @Test
    void aVersionWhosePrivateKeyTheServiceDoesNotHoldIsParticipantHeld() {
        try (LifecycleFixture fixture = LifecycleFixture.start(dir, Clock.systemUTC())) {
            // Given: a public key version without a sealed private key (what BYOK registers)
            fixture.registry.register(OPERATOR, ID, ParticipantRole.MINER, KycStatus.VERIFIED, List.of("settlement"));
            fixture.keys.createKey(OPERATOR, ID);
            ParticipantState state = fixture.states.require(ID);
            fixture.store.commit(
                    new ParticipantState(state.participant(), CustodyRecord.empty(ID.value())),
                    fixture.store.events().get(fixture.store.events().size() - 1));
            fixture.restart();
            UnsealingCustodialKeys keys = new UnsealingCustodialKeys(fixture.states, fixture.keys);
            // When / Then
            assertThatThrownBy(() -> keys.withKey(MINER, "miner-1", 1, key -> "opened"))
                    .isInstanceOf(ParticipantHeldKeyException.class);
            assertThat(fixture.store.events()).noneMatch(e -> e.getType() == AccessEventType.KEY_OPENED);
        }
    }
}
