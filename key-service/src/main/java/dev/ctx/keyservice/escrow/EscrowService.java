package dev.ctx.keyservice.escrow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.audit.AuditUnavailableException;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.auth.Role;
import dev.ctx.keyservice.lookup.ParticipantTransactions;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.participants.EscrowKeyUnsealing;
import dev.ctx.keyservice.participants.NotLeaderException;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;

/**
 * The audit-escrow workflow: file, approve (two distinct compliance officers, neither the requester), reject,
 * withdraw, expire, and open with the escrow key. Each state change commits the request's new record with its access
 * event in one Kafka transaction ({@link EscrowLog}) and applies to the {@link EscrowTable} only once committed; a
 * failed write changes nothing (503). Each refusal commits one {@code ESCROW_DENIED} event through the group committer
 * before it is answered. Step-up is mandatory for file, approve and open. State changes are serialized, so two
 * approvals racing on one request both count (each reads the other's committed result); across replicas the store's
 * single writer per {@code store.transactional.id} fences a second one. Thread-safe.
 */
public final class EscrowService {

    private static final Logger LOGGER = LoggerFactory.getLogger(EscrowService.class);
    private static final Set<Role> FILERS = EnumSet.of(Role.AUDITOR, Role.COMPLIANCE_OFFICER);
    private static final Set<Role> OFFICERS = EnumSet.of(Role.COMPLIANCE_OFFICER);
    private static final AuditContext EXPIRY = AuditContext.system("escrow-expiry");

    private final EscrowTable table;
    private final EscrowLog log;
    private final EscrowOpener opener;
    private final AccessEventCommitter committer;
    private final EscrowEvents events;
    private final EscrowRules rules;
    private final EscrowSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter opens;
    private final ParticipantTransactions byParticipant;

    /** Without a resolver of participant scopes: a filing by participant and time range is refused as invalid. */
    public EscrowService(
            EscrowTable table,
            EscrowLog log,
            TransactionLookup lookup,
            EscrowKeyUnsealing escrowKeys,
            AccessEventCommitter committer,
            AccessEvents events,
            EscrowSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this(table, log, lookup, escrowKeys, committer, events, settings, clock, meters, null);
    }

    /** @param byParticipant resolves a filing's participant and time range to transaction ids, when it is filed */
    public EscrowService(
            EscrowTable table,
            EscrowLog log,
            TransactionLookup lookup,
            EscrowKeyUnsealing escrowKeys,
            AccessEventCommitter committer,
            AccessEvents events,
            EscrowSettings settings,
            Clock clock,
            MeterRegistry meters,
            ParticipantTransactions byParticipant) {
        this.byParticipant = byParticipant;
        this.table = Objects.requireNonNull(table, "table");
        this.log = Objects.requireNonNull(log, "log");
        this.opener = new EscrowOpener(
                Objects.requireNonNull(lookup, "lookup"), Objects.requireNonNull(escrowKeys, "escrowKeys"));
        this.committer = Objects.requireNonNull(committer, "committer");
        this.events = new EscrowEvents(Objects.requireNonNull(events, "events"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rules = new EscrowRules(settings);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meters = meters;
        this.opens = Counter.builder("ctx.keyservice.escrow.opens")
                .description("transactions opened with the escrow key")
                .register(meters);
        for (EscrowRefusal refusal : EscrowRefusal.values()) {
            denials(refusal); // every reason is exported from the start, at 0
        }
        for (EscrowState state : EscrowState.values()) {
            Gauge.builder("ctx.keyservice.escrow.requests", table, t -> t.count(state))
                    .description("escrow requests by state")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(meters);
        }
    }

    public EscrowSettings settings() {
        return settings;
    }

    /**
     * Files a request (auditor or compliance, stepped up): FILED, with its {@code ESCROW_REQUESTED} event.
     *
     * @throws EscrowRefusedException if refused (its {@code ESCROW_DENIED} event committed) or not committed (503)
     */
    public synchronized EscrowCase file(Identity identity, AuditContext asked, EscrowFiling filing) {
        AuditContext context = as(identity, asked);
        return refusing(context, null, "file", () -> {
            EscrowRules.requireRole(identity, FILERS, "file");
            EscrowRules.requireSteppedUp(identity, "filing");
            EscrowCase filed = rules.filed(resolved(filing), UUID.randomUUID().toString(), identity.subject(), now());
            return commit(filed, List.of(events.changed(AccessEventType.ESCROW_REQUESTED, context, filed)));
        });
    }

    /**
     * The filing with its participant scope resolved to the ids the view holds now (at most the rules' maximum; one
     * more is refused, so a scope never silently loses transactions).
     */
    private EscrowFiling resolved(EscrowFiling filing) {
        EscrowFiling.ParticipantScope scope = filing.scope();
        if (scope == null) {
            return filing;
        }
        if (filing.transactionIds() != null && !filing.transactionIds().isEmpty()) {
            throw EscrowRules.invalid("name either transactionIds or a participantId with from and to, not both");
        }
        if (byParticipant == null) {
            throw EscrowRules.invalid("filing by participantId and time range needs the transaction view");
        }
        if (scope.participantId() == null || scope.from() == null || scope.to() == null) {
            throw EscrowRules.invalid("a participant scope names participantId, from and to");
        }
        if (!scope.from().isBefore(scope.to())) {
            throw EscrowRules.invalid("from must be before to");
        }
        List<String> ids = byParticipant.transactionsOf(
                scope.participantId(), scope.from(), scope.to(), EscrowRules.MAX_TRANSACTION_IDS + 1);
        if (ids.isEmpty()) {
            throw EscrowRules.invalid("participant " + scope.participantId() + " has no transaction in that range");
        }
        if (ids.size() > EscrowRules.MAX_TRANSACTION_IDS) {
            throw EscrowRules.invalid("the range holds more than " + EscrowRules.MAX_TRANSACTION_IDS
                    + " transactions of " + scope.participantId() + ": narrow it");
        }
        return filing.resolvedTo(ids);
    }

    /**
     * Approves as a compliance officer (stepped up, not the requester, once per officer); the second distinct
     * approval makes the request APPROVED. One {@code ESCROW_APPROVED} event per approval.
     *
     * @throws EscrowRefusedException if refused or not committed
     */
    public synchronized EscrowCase approve(Identity identity, AuditContext asked, String requestId) {
        AuditContext context = as(identity, asked);
        return refusing(context, requestId, "approve", () -> {
            EscrowRules.requireRole(identity, OFFICERS, "approve");
            EscrowRules.requireSteppedUp(identity, "approving");
            EscrowCase known = current(requestId);
            EscrowRules.requireApprovable(known, identity.subject());
            EscrowCase approved = known.approvedBy(identity.subject(), now());
            return commit(approved, List.of(events.changed(AccessEventType.ESCROW_APPROVED, context, approved)));
        });
    }

    /**
     * Rejects as a compliance officer: REJECTED for good, with {@code reason}.
     *
     * @throws EscrowRefusedException if refused or not committed
     */
    public synchronized EscrowCase reject(Identity identity, AuditContext asked, String requestId, String reason) {
        AuditContext context = as(identity, asked);
        return refusing(context, requestId, "reject", () -> {
            EscrowRules.requireRole(identity, OFFICERS, "reject");
            EscrowRules.requireText("reason", reason);
            EscrowCase known = current(requestId);
            EscrowRules.requireOpenState(known);
            EscrowCase rejected = known.closed(EscrowState.REJECTED, identity.subject(), now(), reason);
            return commit(rejected, List.of(events.changed(AccessEventType.ESCROW_REJECTED, context, rejected)));
        });
    }

    /**
     * Withdraws as the requester: WITHDRAWN for good.
     *
     * @throws EscrowRefusedException if refused or not committed
     */
    public synchronized EscrowCase withdraw(Identity identity, AuditContext asked, String requestId) {
        AuditContext context = as(identity, asked);
        return refusing(context, requestId, "withdraw", () -> {
            EscrowCase known = current(requestId);
            EscrowRules.requireRequester(known, identity.subject(), "withdraw");
            EscrowRules.requireOpenState(known);
            EscrowCase withdrawn = known.closed(EscrowState.WITHDRAWN, identity.subject(), now(), null);
            return commit(withdrawn, List.of(events.changed(AccessEventType.ESCROW_WITHDRAWN, context, withdrawn)));
        });
    }

    /**
     * Opens the request's transactions with the escrow key, as its requester (stepped up), when APPROVED (or OPENED
     * with opens left) and before expiry. The counted open and one {@code ESCROW_OPENED} event per transaction opened
     * commit together before anything is returned; if none could be opened nothing is counted ({@code NOTHING_OPENED}).
     *
     * @throws EscrowRefusedException if refused or not committed (then nothing is returned)
     */
    public synchronized EscrowOpenResult open(Identity identity, AuditContext asked, String requestId) {
        AuditContext context = as(identity, asked);
        return refusing(context, requestId, "open", () -> {
            EscrowRules.requireSteppedUp(identity, "opening");
            EscrowCase known = current(requestId);
            EscrowRules.requireOpenable(known, identity.subject());
            List<EscrowOpenedTransaction> transactions = opener.open(context, known);
            if (transactions.stream().noneMatch(EscrowOpenedTransaction::isOpened)) {
                throw new EscrowRefusedException(
                        EscrowRefusal.NOTHING_OPENED,
                        "none of the named transactions could be opened: "
                                + transactions.stream()
                                        .map(t -> t.transactionId() + " " + t.status())
                                        .toList());
            }
            EscrowCase opened = known.openedOnce(now());
            List<AccessEvent> openedEvents = new ArrayList<>();
            for (EscrowOpenedTransaction transaction : transactions) {
                if (transaction.isOpened()) {
                    openedEvents.add(events.opened(
                            context,
                            opened,
                            transaction.transactionId(),
                            transaction.fields().keySet().stream().sorted().toList()));
                }
            }
            commit(opened, openedEvents);
            opens.increment(openedEvents.size());
            return new EscrowOpenResult(opened, transactions);
        });
    }

    /** A malformed body (400): still one {@code ESCROW_DENIED} event; always throws. */
    public EscrowRefusedException refuseMalformed(
            AuditContext context, String requestId, String action, String detail) {
        return refusing(context, requestId, action, () -> {
            throw new EscrowRefusedException(EscrowRefusal.INVALID_REQUEST, detail);
        });
    }

    /** Compliance officers see every request; auditors their own; anyone else none. Oldest first. */
    public List<EscrowCase> list(Identity identity) {
        if (identity.role() == Role.COMPLIANCE_OFFICER) {
            return table.list(null);
        }
        return identity.role() == Role.AUDITOR ? table.list(identity.subject()) : List.of();
    }

    /** One request, if {@code identity} may see it (as in {@link #list}). */
    public Optional<EscrowCase> get(Identity identity, String requestId) {
        return table.get(requestId)
                .filter(c -> identity.role() == Role.COMPLIANCE_OFFICER
                        || (identity.role() == Role.AUDITOR && c.requestedBy().equals(identity.subject())));
    }

    /**
     * Expires every open request at or past its expiry (the scheduled sweep): EXPIRED, with its {@code ESCROW_EXPIRED}
     * event. A request whose write fails stays as it was and is tried again on the next sweep.
     *
     * @return how many were expired
     */
    public synchronized int expireDue() {
        int expired = 0;
        for (EscrowCase due : table.dueForExpiry(now())) {
            try {
                expire(due);
                expired++;
            } catch (StoreUnavailableException e) {
                LOGGER.atWarn()
                        .addKeyValue("requestId", due.requestId())
                        .addKeyValue("error", e.getClass().getSimpleName())
                        .log("cannot expire the escrow request; retrying on the next sweep");
            }
        }
        return expired;
    }

    /** The known request, expired first if it is past its expiry. */
    private EscrowCase current(String requestId) {
        EscrowCase known = table.get(requestId)
                .orElseThrow(() -> new EscrowRefusedException(EscrowRefusal.UNKNOWN_REQUEST, "no such escrow request"));
        if (!known.state().isClosed() && known.isExpiredAt(now())) {
            return expire(known);
        }
        return known;
    }

    private EscrowCase expire(EscrowCase due) {
        EscrowCase expired = due.closed(EscrowState.EXPIRED, EXPIRY.requester(), now(), null);
        return commit(expired, List.of(events.changed(AccessEventType.ESCROW_EXPIRED, EXPIRY, expired)));
    }

    private EscrowCase commit(EscrowCase next, List<AccessEvent> changeEvents) {
        log.commit(next, changeEvents);
        table.apply(next);
        return next;
    }

    /** Runs {@code action}; a refusal commits its {@code ESCROW_DENIED} event, a failed write becomes a 503. */
    private <T> T refusing(AuditContext context, String requestId, String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (NotLeaderException e) {
            throw e; // a follower: the client retries on the leader (503 not-leader)
        } catch (StoreUnavailableException e) {
            throw new EscrowRefusedException(
                    EscrowRefusal.STORE_UNAVAILABLE,
                    "the escrow request could not be committed; nothing changed and nothing was opened, retry later");
        } catch (EscrowRefusedException refused) {
            try {
                committer.commit(events.denied(context, requestId, action, refused), settings.commitTimeout());
            } catch (AuditUnavailableException e) {
                throw new EscrowRefusedException(
                        EscrowRefusal.STORE_UNAVAILABLE, "the refusal could not be recorded; retry later");
            }
            meters.counter(
                            "ctx.keyservice.escrow.denials",
                            "reason",
                            refused.refusal().name())
                    .increment();
            throw refused;
        }
    }

    /** The event's requester is always the authenticated identity, whatever the caller put in the context. */
    private static AuditContext as(Identity identity, AuditContext asked) {
        return new AuditContext(identity.subject(), asked.ip(), asked.userAgent());
    }

    private Counter denials(EscrowRefusal refusal) {
        return Counter.builder("ctx.keyservice.escrow.denials")
                .description("refused escrow calls, by reason")
                .tag("reason", refusal.name())
                .register(meters);
    }

    private Instant now() {
        return EscrowRules.millis(clock.instant());
    }
}
