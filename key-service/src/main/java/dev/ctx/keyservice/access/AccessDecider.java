package dev.ctx.keyservice.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.auth.Role;
import dev.ctx.keyservice.grants.Grant;
import dev.ctx.keyservice.grants.GrantBook;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantStatus;
import dev.ctx.schemas.transaction.AccessPolicy;

/**
 * Decides an access request on a found transaction. A caller authenticated as a participant listed in the transaction
 * takes the policy path: registry entry ACTIVE and KYC VERIFIED, purpose in the transaction's policy and in the
 * participant's allowed purposes, now inside the policy window. Anyone else takes the grant path: a grant in force
 * ({@link GrantBook#find}), the same policy checks, and, if the grantee is in the registry, ACTIVE and KYC VERIFIED.
 * Either way the released fields are the purpose's access level (cut by the grant's fields); asking for one outside it
 * is refused. Thread-safe.
 */
public final class AccessDecider {

    private final ParticipantDirectory participants;
    private final GrantBook grants;
    private final AccessLevels levels;
    private final Clock clock;

    public AccessDecider(ParticipantDirectory participants, GrantBook grants, AccessLevels levels, Clock clock) {
        this.participants = Objects.requireNonNull(participants, "participants");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.levels = Objects.requireNonNull(levels, "levels");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AccessDecision decide(Identity identity, EncryptedTransaction transaction, AccessRequest request) {
        Instant now = clock.instant();
        String subject = identity.subject();
        if (identity.role() == Role.PARTICIPANT && transaction.getParticipants().contains(subject)) {
            return byPolicy(subject, transaction, request, now);
        }
        return byGrant(subject, transaction, request, now);
    }

    private AccessDecision byPolicy(
            String subject, EncryptedTransaction transaction, AccessRequest request, Instant now) {
        Optional<Participant> participant = participants.find(subject);
        if (participant.isEmpty()) {
            return denied(DenialReason.NOT_A_PARTICIPANT, subject + " is not in the registry");
        }
        AccessDecision refused = registryRefusal(participant.get());
        if (refused == null) {
            refused = policyRefusal(transaction, request.purpose(), now);
        }
        if (refused == null && !participant.get().allowedPurposes().contains(request.purpose())) {
            refused = denied(
                    DenialReason.PURPOSE_NOT_ALLOWED_FOR_PARTICIPANT,
                    "participant " + subject + " may not request purpose " + request.purpose());
        }
        if (refused != null) {
            return refused;
        }
        return released(
                "policy:" + transaction.getTransactionId(),
                levels.fieldsFor(request.purpose()),
                request,
                List.of(subject));
    }

    private AccessDecision byGrant(
            String subject, EncryptedTransaction transaction, AccessRequest request, Instant now) {
        Optional<Grant> found = grants.find(subject, transaction, request.purpose(), now);
        if (found.isEmpty() || !inForce(found.get(), request.purpose(), now)) {
            return found.isPresent() || grants.heldLapsed(subject, transaction, now)
                    ? denied(
                            DenialReason.GRANT_NOT_VALID,
                            "no grant of " + subject + " is in force for purpose " + request.purpose()
                                    + " on transaction " + transaction.getTransactionId())
                    : denied(
                            DenialReason.NOT_A_PARTICIPANT,
                            subject + " is not a participant of transaction " + transaction.getTransactionId()
                                    + " and holds no grant for it");
        }
        Grant grant = found.get();
        AccessDecision refused =
                participants.find(subject).map(AccessDecider::registryRefusal).orElse(null);
        if (refused == null) {
            refused = policyRefusal(transaction, request.purpose(), now);
        }
        if (refused != null) {
            return refused;
        }
        Set<String> fields = new LinkedHashSet<>(levels.fieldsFor(request.purpose()));
        fields.retainAll(grant.fields());
        return released("grant:" + grant.grantId(), fields, request, openWith(grant, transaction));
    }

    /** The grant book's answer, checked again: the purpose and the window must hold at {@code now}. */
    private static boolean inForce(Grant grant, String purpose, Instant now) {
        return grant.purpose().equals(purpose) && !now.isBefore(grant.notBefore()) && now.isBefore(grant.notAfter());
    }

    /** The grant's participant first (its own wrap), then every participant of the transaction. */
    private static List<String> openWith(Grant grant, EncryptedTransaction transaction) {
        List<String> order = new ArrayList<>();
        if (grant.participantId() != null && transaction.getParticipants().contains(grant.participantId())) {
            order.add(grant.participantId());
        }
        transaction.getParticipants().stream().filter(p -> !order.contains(p)).forEach(order::add);
        return order;
    }

    private static AccessDecision registryRefusal(Participant participant) {
        if (participant.status() != ParticipantStatus.ACTIVE) {
            return denied(
                    DenialReason.PARTICIPANT_NOT_ACTIVE,
                    "participant " + participant.id() + " is " + participant.status());
        }
        if (participant.kycStatus() != KycStatus.VERIFIED) {
            return denied(
                    DenialReason.KYC_NOT_VERIFIED,
                    "participant " + participant.id() + " has KYC " + participant.kycStatus());
        }
        return null;
    }

    private static AccessDecision policyRefusal(EncryptedTransaction transaction, String purpose, Instant now) {
        AccessPolicy policy = transaction.getAccessPolicy();
        if (!policy.getAllowedPurposes().contains(purpose)) {
            return denied(
                    DenialReason.PURPOSE_NOT_IN_POLICY,
                    "the access policy of transaction " + transaction.getTransactionId() + " does not allow purpose "
                            + purpose);
        }
        Instant notBefore = policy.getNotBefore();
        Instant notAfter = policy.getNotAfter();
        if ((notBefore != null && now.isBefore(notBefore)) || (notAfter != null && !now.isBefore(notAfter))) {
            return denied(
                    DenialReason.OUTSIDE_POLICY_WINDOW,
                    "transaction " + transaction.getTransactionId() + " may be read only between " + notBefore + " and "
                            + notAfter);
        }
        return null;
    }

    private static AccessDecision released(
            String authorizedBy, Set<String> allowed, AccessRequest request, List<String> openWith) {
        if (allowed.isEmpty()) {
            return denied(DenialReason.FIELD_NOT_ALLOWED, "purpose " + request.purpose() + " releases no field");
        }
        if (request.fields() == null) {
            return new AccessDecision.Granted(authorizedBy, allowed, openWith);
        }
        for (String field : request.fields()) {
            if (!allowed.contains(field)) {
                return denied(
                        DenialReason.FIELD_NOT_ALLOWED,
                        "a requested field is outside what purpose " + request.purpose() + " releases here");
            }
        }
        return new AccessDecision.Granted(authorizedBy, Set.copyOf(request.fields()), openWith);
    }

    private static AccessDecision denied(DenialReason reason, String detail) {
        return new AccessDecision.Denied(reason, detail);
    }
}
