package dev.ctx.keyservice.participants;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.ctx.envelope.EnvelopeRewrapper;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.custody.SealedPrivateKey;

/**
 * <strong>Dangerous capability</strong>, narrower than {@link EscrowKeyUnsealing}: uses the audit escrow private key
 * ({@code __escrow}) for key rotation only, and never lends it. Inside one rewrap batch it moves an escrow wrap to
 * another recipient (the escrow key's new version after an escrow rotation, or a participant-held key's new version
 * after that participant's rotation, which this service cannot unwrap otherwise); the unwrapped DEK stays inside
 * {@link EnvelopeRewrapper} and the new wrap is all that leaves. {@link KeyLifecycle#handOverEscrowRewrappingOnce()}
 * gives it out once per lifecycle, to the rewrap endpoint ({@code ArchitectureTest} keeps every other package from
 * naming this class).
 *
 * <p>Keys are unsealed lazily, per escrow key version, for one call of {@link #withinOneBatch} only: each unseal
 * commits a {@code KEY_OPENED} event (subject {@code __escrow}, attribute {@code purpose=rewrap}) before the key is
 * used, and every unsealed version is destroyed when the call returns or throws. Nothing is cached across calls, the
 * custodial key cache never sees these keys. Thread-safe.
 */
public final class EscrowRewrapping {

    /** Rewraps escrow wraps within one batch; valid only inside {@link #withinOneBatch}. */
    public interface BatchRewrapper {

        /**
         * Unwraps {@code escrowWrap} (addressed to {@code __escrow} at its key version) and wraps the DEK for {@code
         * target}, keeping the wrap's format version and seal id.
         *
         * @throws OpenRefusedException if that escrow version is not ACTIVE or RETIRED
         * @throws NotFoundException if the escrow key or the version does not exist here
         * @throws StoreUnavailableException if its {@code KEY_OPENED} event was not committed (nothing was unsealed)
         * @throws dev.ctx.envelope.error.EnvelopeException if the wrap does not open or the target is not admitted
         */
        DekWrap rewrap(DekWrap escrowWrap, Recipient target, TransactionContext context);
    }

    private final ParticipantStates states;
    private final KeyCustodian custodian;
    private final KeyEvents events;
    private final EnvelopeRewrapper rewrapper = EnvelopeRewrapper.create();

    EscrowRewrapping(ParticipantStates states, KeyCustodian custodian, KeyEvents events) {
        this.states = states;
        this.custodian = custodian;
        this.events = events;
    }

    /**
     * Runs {@code use} with a rewrapper that unseals each escrow version on first use and destroys every unsealed
     * version when {@code use} returns or throws.
     *
     * @param context who asks (the rewrap job); copied into each {@code KEY_OPENED} event
     */
    public <T> T withinOneBatch(AuditContext context, Function<BatchRewrapper, T> use) {
        Objects.requireNonNull(context, "context");
        Map<Integer, RecipientPrivateKey> unsealed = new HashMap<>();
        try {
            return use.apply((wrap, target, txn) -> {
                if (!Recipient.ESCROW_ID.equals(wrap.recipientId())) {
                    throw new IllegalArgumentException("not an escrow wrap");
                }
                RecipientPrivateKey key = unsealed.computeIfAbsent(wrap.keyVersion(), v -> unseal(context, v));
                return rewrapper.rewrap(wrap, key, target, txn);
            });
        } finally {
            unsealed.values().forEach(RecipientPrivateKey::destroy);
            unsealed.clear();
        }
    }

    private RecipientPrivateKey unseal(AuditContext context, int version) {
        ParticipantId id = ParticipantId.ESCROW;
        X25519PrivateKey[] opened = new X25519PrivateKey[1];
        try {
            X25519PrivateKey key = states.update(id, current -> {
                SealedPrivateKey sealed = sealed(ParticipantStates.found(id, current), version);
                opened[0] = custodian.open(id.value(), sealed);
                return new Change<>(
                        current.orElseThrow(), events.escrowKeyOpenedForRewrap(version, context), opened[0]);
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
