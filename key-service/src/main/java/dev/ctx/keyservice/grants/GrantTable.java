package dev.ctx.keyservice.grants;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.ctx.schemas.encrypted.EncryptedTransaction;

/**
 * The grants this instance knows, by id and by grantee, filled by the replay of {@code access-grants}, the topic's
 * follower and this instance's own commits. Applying is idempotent and never un-revokes: a record that arrives after
 * the revocation of the same grant (the follower catching up with a write this instance already applied) leaves it
 * revoked. Thread-safe; {@link #find} looks only at the grantee's grants.
 */
public final class GrantTable implements GrantBook {

    private static final Comparator<GrantState> OLDEST_FIRST =
            Comparator.comparing(GrantState::grantedAt).thenComparing(GrantState::grantId);

    private final Map<String, GrantState> grants = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> idsByGrantee = new ConcurrentHashMap<>();

    /** Takes {@code state} in, unless the grant is already revoked here. */
    public void apply(GrantState state) {
        GrantState kept =
                grants.merge(state.grantId(), state, (known, incoming) -> known.isRevoked() ? known : incoming);
        idsByGrantee
                .computeIfAbsent(kept.grant().grantee(), g -> ConcurrentHashMap.newKeySet())
                .add(kept.grantId());
    }

    /** Forgets a grant (its record was deleted or cannot be read): no record, no access. */
    public void remove(String grantId) {
        GrantState removed = grants.remove(grantId);
        Set<String> ids =
                removed == null ? null : idsByGrantee.get(removed.grant().grantee());
        if (ids != null) {
            ids.remove(grantId);
        }
    }

    public Optional<GrantState> get(String grantId) {
        return Optional.ofNullable(grants.get(grantId));
    }

    /** The grants of {@code grantee} (all grants when null), revoked ones included, oldest first. */
    public List<GrantState> list(String grantee) {
        Stream<GrantState> states = grantee == null ? grants.values().stream() : ofGrantee(grantee);
        return states.sorted(OLDEST_FIRST).toList();
    }

    public int size() {
        return grants.size();
    }

    @Override
    public Optional<Grant> find(String grantee, EncryptedTransaction transaction, String purpose, Instant now) {
        return ofGrantee(grantee)
                .filter(s -> GrantMatch.allows(s, grantee, transaction, purpose, now))
                .min(OLDEST_FIRST)
                .map(GrantState::grant);
    }

    /** Any grant of {@code grantee}, in force or not (revoked, expired, not yet valid, other purpose), covering it. */
    @Override
    public boolean heldLapsed(String grantee, EncryptedTransaction transaction, Instant now) {
        return ofGrantee(grantee).anyMatch(s -> GrantMatch.covers(s.grant(), transaction));
    }

    private Stream<GrantState> ofGrantee(String grantee) {
        Set<String> ids = grantee == null ? null : idsByGrantee.get(grantee);
        return ids == null ? Stream.empty() : ids.stream().map(grants::get).filter(Objects::nonNull);
    }
}
