package dev.ctx.keyservice.escrow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.auth.Role;
import dev.ctx.schemas.confidential.ConfidentialFields;

/**
 * The rules of a filing (what it must name) and of who may do what: file (auditor or compliance, stepped up), approve
 * (compliance, stepped up, not the requester, once per officer), reject (compliance), withdraw and open (the requester
 * only; open stepped up). Step-up is mandatory here whatever {@code access.require.mfa} says.
 */
final class EscrowRules {

    /** At most this many transaction ids per request. */
    static final int MAX_TRANSACTION_IDS = 1_000;

    private static final Pattern TEXT = Pattern.compile("[^\\p{Cntrl}\\s][^\\p{Cntrl}]{0,1023}");
    private static final Pattern TRANSACTION_ID = Pattern.compile("[^\\p{Cntrl}]{1,256}");

    private final Duration maxDuration;
    private final int maxOpens;
    private final Set<String> confidentialFields;

    EscrowRules(EscrowSettings settings) {
        this.maxDuration = settings.maxDuration();
        this.maxOpens = settings.maxOpens();
        this.confidentialFields = Set.copyOf(ConfidentialFields.ofTransaction().names());
    }

    /**
     * The case a filing opens, FILED.
     *
     * @throws EscrowRefusedException INVALID_REQUEST naming the first rule it breaks
     */
    EscrowCase filed(EscrowFiling filing, String requestId, String requestedBy, Instant now) {
        List<String> ids = filing.transactionIds();
        if (ids == null || ids.isEmpty() || ids.size() > MAX_TRANSACTION_IDS) {
            throw invalid("transactionIds must name 1.." + MAX_TRANSACTION_IDS + " transactions");
        }
        if (ids.stream()
                .anyMatch(id -> id == null
                        || id.isBlank()
                        || !TRANSACTION_ID.matcher(id).matches())) {
            throw invalid("each transaction id must be 1..256 characters without control characters");
        }
        requireText("authorizationReference", filing.authorizationReference());
        requireText("legalBasis", filing.legalBasis());
        requireText("reason", filing.reason());
        List<String> fields = fields(filing.fields());
        Instant expiresAt = expiresAt(filing, now);
        return new EscrowCase(
                requestId,
                List.copyOf(new LinkedHashSet<>(ids)),
                filing.authorizationReference(),
                filing.legalBasis(),
                filing.reason(),
                fields,
                requestedBy,
                now,
                expiresAt,
                EscrowState.FILED,
                List.of(),
                null,
                null,
                null,
                maxOpens,
                0,
                null);
    }

    private List<String> fields(List<String> asked) {
        if (asked == null) {
            return confidentialFields.stream().sorted().toList();
        }
        if (asked.isEmpty() || asked.stream().anyMatch(f -> f == null || !confidentialFields.contains(f))) {
            throw invalid("fields must name at least one of the confidential fields "
                    + confidentialFields.stream().sorted().toList());
        }
        return asked.stream().distinct().sorted().toList();
    }

    private Instant expiresAt(EscrowFiling filing, Instant now) {
        if ((filing.expiresAt() == null) == (filing.expiresIn() == null)) {
            throw invalid("exactly one of expiresAt and expiresIn is required");
        }
        Instant expiresAt =
                filing.expiresAt() != null ? millis(filing.expiresAt()) : millis(now.plus(filing.expiresIn()));
        if (!expiresAt.isAfter(now)) {
            throw invalid("the expiry must be in the future");
        }
        if (Duration.between(now, expiresAt).compareTo(maxDuration) > 0) {
            throw invalid("a request may live at most " + maxDuration + " (escrow.max.duration)");
        }
        return expiresAt;
    }

    /** Step-up: a client certificate, or a JWT whose amr holds mfa, otp or hwk. */
    static void requireSteppedUp(Identity identity, String action) {
        if (!identity.hasSteppedUp()) {
            throw new EscrowRefusedException(
                    EscrowRefusal.STEP_UP_REQUIRED,
                    action + " an escrow request needs a second factor (JWT amr mfa, otp or hwk) or a client "
                            + "certificate");
        }
    }

    static void requireRole(Identity identity, Set<Role> roles, String action) {
        if (!roles.contains(identity.role())) {
            throw new EscrowRefusedException(
                    EscrowRefusal.ROLE_NOT_ALLOWED,
                    "role " + identity.role().claim() + " may not " + action + " an escrow request");
        }
    }

    /** The officer may approve: not the requester, not twice, only while FILED and before expiry. */
    static void requireApprovable(EscrowCase escrowCase, String officer) {
        if (escrowCase.requestedBy().equals(officer)) {
            throw new EscrowRefusedException(
                    EscrowRefusal.SELF_APPROVAL, "the requester may not approve its own escrow request");
        }
        requireOpenState(escrowCase);
        if (escrowCase.isApprovedBy(officer)) {
            throw new EscrowRefusedException(
                    EscrowRefusal.DUPLICATE_APPROVAL, "officer " + officer + " approved this request before");
        }
        if (escrowCase.state() != EscrowState.FILED) {
            throw new EscrowRefusedException(
                    EscrowRefusal.ALREADY_APPROVED, "the request is " + escrowCase.state() + "; no approval taken");
        }
    }

    /** The requester may open: APPROVED (or OPENED with opens left), before expiry. */
    static void requireOpenable(EscrowCase escrowCase, String requester) {
        requireRequester(escrowCase, requester, "open");
        requireOpenState(escrowCase);
        if (escrowCase.state() == EscrowState.FILED) {
            throw new EscrowRefusedException(
                    EscrowRefusal.NOT_APPROVED,
                    "the request has " + escrowCase.approvals().size() + " of " + EscrowCase.APPROVALS_NEEDED
                            + " approvals");
        }
        if (escrowCase.opens() >= escrowCase.maxOpens()) {
            throw new EscrowRefusedException(
                    EscrowRefusal.OPEN_LIMIT_REACHED,
                    "the request was opened " + escrowCase.opens() + " of " + escrowCase.maxOpens() + " times");
        }
    }

    static void requireRequester(EscrowCase escrowCase, String subject, String action) {
        if (!escrowCase.requestedBy().equals(subject)) {
            throw new EscrowRefusedException(
                    EscrowRefusal.NOT_REQUESTER, "only the requester may " + action + " an escrow request");
        }
    }

    /** Not closed (REJECTED, WITHDRAWN, EXPIRED). */
    static void requireOpenState(EscrowCase escrowCase) {
        if (escrowCase.state() == EscrowState.EXPIRED) {
            throw new EscrowRefusedException(
                    EscrowRefusal.REQUEST_EXPIRED, "the request expired at " + escrowCase.expiresAt());
        }
        if (escrowCase.state().isClosed()) {
            throw new EscrowRefusedException(EscrowRefusal.REQUEST_CLOSED, "the request is " + escrowCase.state());
        }
    }

    static void requireText(String name, String value) {
        if (value == null || !TEXT.matcher(value).matches()) {
            throw invalid(name + " must be 1..1024 characters without control characters, not starting blank");
        }
    }

    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static EscrowRefusedException invalid(String detail) {
        return new EscrowRefusedException(EscrowRefusal.INVALID_REQUEST, detail);
    }
}
