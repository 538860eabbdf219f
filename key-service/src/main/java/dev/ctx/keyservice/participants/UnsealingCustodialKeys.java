package dev.ctx.keyservice.participants;

import java.util.Objects;
import java.util.function.Function;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.custody.ParticipantHeldKeyException;

/**
 * The plain {@link CustodialKeys}: every call unseals the key through the audited
 * {@link KeyLifecycle#openCustodialKeyAudited} (a {@code KEY_OPENED} event), lends it to {@code use} and destroys it
 * right after. A caching decorator may wrap this. A version in the public keyring without a sealed private key (an
 * openable version this service does not hold) is participant-held. Thread-safe.
 */
public final class UnsealingCustodialKeys implements CustodialKeys {

    private final ParticipantStates states;
    private final KeyLifecycle keys;

    public UnsealingCustodialKeys(ParticipantStates states, KeyLifecycle keys) {
        this.states = Objects.requireNonNull(states, "states");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public <T> T withKey(AuditContext context, String participantId, int version, Function<X25519PrivateKey, T> use) {
        ParticipantId id = ParticipantId.parse(participantId);
        refuseParticipantHeld(id, version);
        X25519PrivateKey key = keys.openCustodialKeyAudited(context, id, version);
        try {
            return use.apply(key);
        } finally {
            key.destroy();
        }
    }

    private void refuseParticipantHeld(ParticipantId id, int version) {
        states.get(id).ifPresent(state -> {
            boolean openable =
                    state.participant().key(version).map(KeyVersion::isOpenable).orElse(false);
            if (openable && state.custody().version(version).isEmpty()) {
                throw new ParticipantHeldKeyException(id.value(), version);
            }
        });
    }
}
