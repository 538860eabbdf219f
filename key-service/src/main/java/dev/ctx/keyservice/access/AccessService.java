package dev.ctx.keyservice.access;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.audit.AuditUnavailableException;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.custody.ParticipantHeldKeyException;
import dev.ctx.keyservice.grants.GrantBook;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.participants.NotFoundException;
import dev.ctx.keyservice.participants.OpenRefusedException;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;

/**
 * Answers access requests: step-up, lookup, decision, open, then exactly one access event ({@code ACCESS_GRANTED} or
 * {@code ACCESS_DENIED}) committed through the group committer <em>before</em> the answer is returned. If the event
 * is not committed the answer is 503 {@code AUDIT_UNAVAILABLE} and nothing is released (fail closed). Tampered
 * records or envelopes are 422 {@code INTEGRITY_FAILURE}, counted in
 * {@code ctx_keyservice_integrity_failures_total}. Thread-safe.
 */
public final class AccessService {

    private static final Logger LOGGER = LoggerFactory.getLogger(AccessService.class);

    private final TransactionLookup lookup;
    private final AccessDecider decider;
    private final TransactionReader reader;
    private final AccessEventCommitter committer;
    private final AccessEvents events;
    private final AccessSettings settings;
    private final Counter integrityFailures;

    /**
     * @param participants registry entries (status, KYC, allowed purposes)
     * @param keys lends unsealed custodial keys
     */
    public AccessService(
            TransactionLookup lookup,
            ParticipantDirectory participants,
            GrantBook grants,
            CustodialKeys keys,
            AccessEventCommitter committer,
            AccessEvents events,
            AccessSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.decider = new AccessDecider(participants, grants, settings.levels(), clock);
        this.reader = new TransactionReader(keys);
        this.committer = Objects.requireNonNull(committer, "committer");
        this.events = Objects.requireNonNull(events, "events");
        this.settings = settings;
        this.integrityFailures = Counter.builder("ctx.keyservice.integrity.failures")
                .description("access requests whose record or envelope failed to authenticate or parse")
                .register(meters);
    }

    /** Decides, opens and audits {@code request} by {@code identity}. */
    public AccessAnswer handle(Identity identity, AuditContext context, AccessRequest request) {
        Outcome outcome = answer(identity, context, request);
        if (outcome instanceof Opened opened) {
            List<String> names = opened.fields().keySet().stream().sorted().toList();
            AccessEvent event = events.accessDecision(
                    true,
                    request.transactionId(),
                    context,
                    request.purpose(),
                    opened.authorizedBy(),
                    names,
                    "GRANTED",
                    Map.of("status", "200"));
            AccessAnswer refused = commit(event);
            return refused != null
                    ? refused
                    : new AccessAnswer.Released(
                            request.transactionId(),
                            request.purpose(),
                            opened.authorizedBy(),
                            event.getEventId(),
                            opened.fields());
        }
        return audited(context, request.transactionId(), request.purpose(), ((Refusal) outcome).refused());
    }

    /** A request whose body was malformed (400): still one {@code ACCESS_DENIED} event. */
    public AccessAnswer refuseMalformed(AuditContext context, String detail) {
        return audited(context, null, null, new AccessAnswer.Refused(DenialReason.MALFORMED_REQUEST, detail));
    }

    private AccessAnswer audited(
            AuditContext context, String transactionId, String purpose, AccessAnswer.Refused refused) {
        AccessEvent event = events.accessDecision(
                false,
                transactionId,
                context,
                purpose,
                null,
                List.of(),
                refused.reason().name() + ": " + refused.detail(),
                Map.of("status", Integer.toString(refused.reason().status())));
        AccessAnswer failed = commit(event);
        return failed != null ? failed : refused;
    }

    /** Null once committed; the 503 answer otherwise. */
    private AccessAnswer commit(AccessEvent event) {
        try {
            committer.commit(event, settings.commitTimeout());
            return null;
        } catch (AuditUnavailableException e) {
            return new AccessAnswer.Refused(
                    DenialReason.AUDIT_UNAVAILABLE,
                    "the access event could not be committed; nothing was released, retry later");
        }
    }

    /** What the request gets before its event is committed: fields opened, or a refusal. */
    private sealed interface Outcome {}

    private record Opened(String authorizedBy, Map<String, Object> fields) implements Outcome {
        @Override
        public String toString() {
            return "Opened[authorizedBy=" + authorizedBy + ", fields=" + fields.keySet() + "]";
        }
    }

    private record Refusal(AccessAnswer.Refused refused) implements Outcome {}

    private Outcome answer(Identity identity, AuditContext context, AccessRequest request) {
        if (settings.requireMfa() && !identity.hasSteppedUp()) {
            return refused(
                    DenialReason.STEP_UP_REQUIRED,
                    "decryption needs a second factor (JWT amr mfa, otp or hwk) or a client certificate");
        }
        LookupResult result = lookup.find(request.transactionId());
        if (result instanceof LookupResult.Unknown) {
            return refused(DenialReason.UNKNOWN_TRANSACTION, "no such transaction");
        }
        if (result instanceof LookupResult.Shredded) {
            return refused(DenialReason.SHREDDED, "the transaction was crypto-shredded");
        }
        LookupResult.Found found = (LookupResult.Found) result;
        AccessDecision decision = decider.decide(identity, found.transaction(), request);
        if (decision instanceof AccessDecision.Denied denied) {
            return refused(denied.reason(), denied.detail());
        }
        AccessDecision.Granted granted = (AccessDecision.Granted) decision;
        if (revokedFromEnvelope(identity, found, granted)) {
            return refused(
                    DenialReason.ACCESS_REVOKED,
                    "the access of " + identity.subject() + " to this transaction was revoked: envelope generation "
                            + found.envelope().getGeneration() + " holds no wrap for it");
        }
        return open(context, request, found, granted);
    }

    /**
     * A listed participant on the policy path whose wrap is gone from a later envelope generation: the rewrap
     * topology dropped it (revoked access or revoked key version). The first generation always wraps for every
     * listed participant, so a missing wrap there stays an integrity failure.
     */
    private static boolean revokedFromEnvelope(
            Identity identity, LookupResult.Found found, AccessDecision.Granted granted) {
        return granted.authorizedBy().startsWith("policy:")
                && found.transaction().getParticipants().contains(identity.subject())
                && found.envelope().getGeneration() > 1
                && Wraps.find(found.envelope(), identity.subject()).isEmpty();
    }

    private Outcome open(
            AuditContext context, AccessRequest request, LookupResult.Found found, AccessDecision.Granted granted) {
        try {
            return new Opened(granted.authorizedBy(), reader.read(context, found, granted));
        } catch (ParticipantHeldKeyException e) {
            return refused(
                    DenialReason.PARTICIPANT_HELD_KEY,
                    "the key is held by the participant: open the record "
                            + "locally with ctx-client (LocalOpener or bin/ctx consume --decrypt --key-file)");
        } catch (EnvelopeException e) {
            integrityFailures.increment();
            LOGGER.atWarn()
                    .addKeyValue("transactionId", request.transactionId())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("integrity failure on access request");
            return refused(
                    DenialReason.INTEGRITY_FAILURE, "the encrypted record or its envelope failed to " + "authenticate");
        } catch (NotFoundException | OpenRefusedException e) {
            return refused(DenialReason.SHREDDED, "the key version this envelope needs is revoked or destroyed");
        } catch (StoreUnavailableException e) {
            return refused(
                    DenialReason.AUDIT_UNAVAILABLE,
                    "the key could not be opened (its audit event was not " + "committed); retry later");
        }
    }

    private static Outcome refused(DenialReason reason, String detail) {
        return new Refusal(new AccessAnswer.Refused(reason, detail));
    }
}
