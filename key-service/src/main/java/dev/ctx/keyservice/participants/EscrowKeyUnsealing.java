package dev.ctx.keyservice.participants;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.custody.SealedPrivateKey;

/**
 * <strong>Dangerous capability</strong>: unseals the audit escrow private key ({@code __escrow}), which can open every
 * transaction. {@link KeyLifecycle#openCustodialKeyAudited} refuses the escrow key; this is the only other way in, and
 * only the escrow workflow holds an instance: {@link KeyLifecycle#handOverEscrowKeyUnsealingOnce()} gives it out once
 * per lifecycle (the service's wiring passes it to {@code escrow.EscrowService}; {@code ArchitectureTest} keeps every
 * other package from naming this class).
 *
 * <p>Keys are unsealed lazily, per key version, for one call of {@link #withEscrowKeysForOneOpen} only: each unseal
 * commits a {@code KEY_OPENED} event (subject {@code __escrow}, attribute {@code escrowRequestId}) before the key is
 * lent, and every unsealed version is destroyed when the call returns or throws. Nothing is cached across calls, the
 * custodial key cache never sees these keys, and no method returns key bytes. Thread-safe.
 */
public final class EscrowKeyUnsealing {

    private final ParticipantStates states;
    private final KeyCustodian custodian;
    private final KeyEvents events;

    EscrowKeyUnsealing(ParticipantStates states, KeyCustodian custodian, KeyEvents events) {
        this.states = states;
        this.custodian = custodian;
        this.events = events;
    }

    /** The escrow key versions lent to one open call; valid only inside it. */
    public interface LentEscrowKeys {

        /**
         * The escrow private key of {@code version}, unsealed on first use in this call.
         *
         * @throws OpenRefusedException if the version is not ACTIVE or RETIRED
         * @throws NotFoundException if the escrow key or the version does not exist
         * @throws StoreUnavailableException if its {@code KEY_OPENED} event was not committed (nothing was unsealed)
         */
        RecipientPrivateKey version(int version);
    }

    /**
     * Lends the escrow keys to {@code use} and destroys every version it unsealed when {@code use} returns or throws.
     * {@code use} must not keep a key beyond the call.
     *
     * @param context who opens (the escrow requester); copied into each {@code KEY_OPENED} event
     * @param requestId the approved escrow request this open belongs to
     */
    public <T> T withEscrowKeysForOneOpen(AuditContext context, String requestId, Function<LentEscrowKeys, T> use) {
        Objects.requireNonNull(requestId, "requestId");
        Map<Integer, RecipientPrivateKey> unsealed = new HashMap<>();
        try {
            return use.apply(version -> unsealed.computeIfAbsent(version, v -> unseal(context, requestId, v)));
        } finally {
            unsealed.values().forEach(RecipientPrivateKey::destroy);
            unsealed.clear();
        }
    }

    private RecipientPrivateKey unseal(AuditContext context, String requestId, int version) {
        ParticipantId id = ParticipantId.ESCROW;
        X25519PrivateKey[] opened = new X25519PrivateKey[1];
        try {
            X25519PrivateKey key = states.update(id, current -> {
                SealedPrivateKey sealed = sealed(ParticipantStates.found(id, current), version);
                opened[0] = custodian.open(id.value(), sealed);
                return new Change<>(
                        current.orElseThrow(), events.escrowKeyOpened(version, context, requestId), opened[0]);
            });
            return RecipientPrivateKey.of(id.value(), version, key);
        } catch (RuntimeException e) {
            if (opened[0] != null) {
                opened[0].destroy();
            }
            throw e;
        }
    }

    private static SealedPrivateKey sealed(ParticipantState state, int version) {
        KeyVersion key = state.participant()
                .key(version)
                .orElseThrow(() -> new NotFoundException("the escrow key has no version " + version));
        if (!key.isOpenable()) {
            throw new OpenRefusedException(
                    "escrow key v" + version + " is " + key.status() + "; only ACTIVE or RETIRED keys are opened");
        }
        return state.custody()
                .version(version)
                .orElseThrow(() -> new NotFoundException("the service holds no escrow private key v" + version));
    }
}
