package dev.ctx.keyservice.grants;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.schemas.encrypted.EncryptedTransaction;

/**
 * Creates, revokes and lists grants, and answers {@link GrantBook#find} from its {@link GrantTable}. Each create and
 * each revoke commits the grant record and its access event together ({@link GrantLog}) and applies to the table only
 * once committed; a failed write changes nothing. Thread-safe: creates and revokes are serialized, so one instance
 * never revokes a grant twice.
 */
public final class Grants implements GrantBook {

    private final GrantTable table;
    private final GrantLog log;
    private final GrantValidator validator;
    private final GrantEvents events;
    private final Clock clock;

    public Grants(GrantTable table, GrantLog log, GrantValidator validator, AccessEvents events, Clock clock) {
        this.table = Objects.requireNonNull(table, "table");
        this.log = Objects.requireNonNull(log, "log");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.events = new GrantEvents(Objects.requireNonNull(events, "events"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws InvalidGrantException if the request breaks a rule
     * @throws dev.ctx.keyservice.participants.StoreUnavailableException if it was not committed
     */
    public synchronized GrantState create(AuditContext context, GrantRequest request) {
        Instant now = GrantValidator.millis(clock.instant());
        Grant grant = validator.validate(request, UUID.randomUUID().toString(), context.requester(), now);
        GrantState state = GrantState.active(grant, now);
        log.commit(state, events.created(context, grant));
        table.apply(state);
        return state;
    }

    /**
     * @throws UnknownGrantException if no grant has this id
     * @throws GrantAlreadyRevokedException if it was revoked before
     * @throws dev.ctx.keyservice.participants.StoreUnavailableException if it was not committed
     */
    public synchronized GrantState revoke(AuditContext context, String grantId) {
        GrantState known = table.get(grantId).orElseThrow(() -> new UnknownGrantException(grantId));
        if (known.isRevoked()) {
            throw new GrantAlreadyRevokedException(grantId);
        }
        GrantState revoked = known.revoked(context.requester(), GrantValidator.millis(clock.instant()));
        log.commit(revoked, events.revoked(context, known.grant()));
        table.apply(revoked);
        return revoked;
    }

    /** The grants of {@code grantee} (every grant when null), revoked ones included. */
    public List<GrantState> list(String grantee) {
        return table.list(grantee);
    }

    public Optional<GrantState> get(String grantId) {
        return table.get(grantId);
    }

    @Override
    public Optional<Grant> find(String grantee, EncryptedTransaction transaction, String purpose, Instant now) {
        return table.find(grantee, transaction, purpose, now);
    }

    @Override
    public boolean heldLapsed(String grantee, EncryptedTransaction transaction, Instant now) {
        return table.heldLapsed(grantee, transaction, now);
    }
}
