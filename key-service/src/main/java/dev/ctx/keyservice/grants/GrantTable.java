package dev.ctx.keyservice.grants;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.ctx.schemas.encrypted.EncryptedTransaction;

/**
 * The grants this instance knows, by id, filled by the replay of {@code access-grants}, the topic's follower and this
 * instance's own commits. Applying is idempotent and never un-revokes: a record that arrives after the revocation of
 * the same grant (the follower catching up with a write this instance already applied) leaves it revoked.
 * Thread-safe.
 */
public final class GrantTable implements GrantBook {

    private final Map<String, GrantState> grants = new ConcurrentHashMap<>();

    /** Takes {@code state} in, unless the grant is already revoked here. */
    public void apply(GrantState state) {
        grants.merge(state.grantId(), state, (known, incoming) -> known.isRevoked() ? known : incoming);
    }

    /** Forgets a grant (its record was deleted or cannot be read): no record, no access. */
    public void remove(String grantId) {
        grants.remove(grantId);
    }

    public Optional<GrantState> get(String grantId) {
        return Optional.ofNullable(grants.get(grantId));
    }

    /** The grants of {@code grantee} (all grants when null), revoked ones included, oldest first. */
    public List<GrantState> list(String grantee) {
        return grants.values().stream().filter(s -> grantee == null || s.grant().grantee().equals(grantee))
                .sorted(Comparator.comparing(GrantState::grantedAt).thenComparing(GrantState::grantId)).toList();
    }

    public int size() {
        return grants.size();
    }

    @Override
    public Optional<Grant> find(String grantee, EncryptedTransaction transaction, String purpose, Instant now) {
        return grants.values().stream().filter(s -> GrantMatch.allows(s, grantee, transaction, purpose, now))
                .min(Comparator.comparing(GrantState::grantedAt).thenComparing(GrantState::grantId))
                .map(GrantState::grant);
    }
}
