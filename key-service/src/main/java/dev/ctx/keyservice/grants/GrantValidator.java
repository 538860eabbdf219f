package dev.ctx.keyservice.grants;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.ctx.schemas.confidential.ConfidentialFields;

/**
 * The rules a grant must meet: a grantee, a purpose id, a non-empty set of confidential field names, exactly one
 * scope form (transaction ids, or a participant with a range [from, to)), and a window notBefore &lt; notAfter that
 * ends in the future and lasts at most the configured maximum ({@code grants.max.duration}). Instants are kept to
 * the millisecond, as the topic stores them.
 */
public final class GrantValidator {

    /** At most this many transaction ids per grant. */
    public static final int MAX_TRANSACTION_IDS = 1_000;

    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}\\s][^\\p{Cntrl}]{0,255}");
    private static final String SCOPE =
            "exactly one scope is required: transactionIds, or participantId with from" + " and to";

    private final Duration maxDuration;
    private final Set<String> confidentialFields;

    public GrantValidator(Duration maxDuration) {
        this.maxDuration = Objects.requireNonNull(maxDuration, "maxDuration");
        this.confidentialFields = Set.copyOf(ConfidentialFields.ofTransaction().names());
    }

    public Duration maxDuration() {
        return maxDuration;
    }

    /**
     * @return the grant {@code request} describes
     * @throws InvalidGrantException naming the first rule it breaks
     */
    public Grant validate(GrantRequest asked, String grantId, String grantedBy, Instant now) {
        GrantRequest request = new GrantRequest(
                asked.grantee(),
                asked.transactionIds(),
                asked.participantId(),
                millis(asked.from()),
                millis(asked.to()),
                asked.purpose(),
                asked.fields(),
                millis(asked.notBefore()),
                millis(asked.notAfter()));
        requireName("grantee", request.grantee());
        if (request.purpose() == null || !PURPOSE.matcher(request.purpose()).matches()) {
            throw invalid("purpose must be a purpose id: 1 to 64 of [a-z0-9._-], starting with a letter or digit");
        }
        Set<String> fields = fields(request.fields());
        List<String> ids = scope(request);
        window(request.notBefore(), request.notAfter(), now);
        return new Grant(
                grantId,
                request.grantee(),
                ids,
                request.participantId(),
                request.from(),
                request.to(),
                request.purpose(),
                fields,
                request.notBefore(),
                request.notAfter(),
                grantedBy);
    }

    /** The topic stores milliseconds, so the grant in force holds no more than that (as after a replay). */
    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private Set<String> fields(List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            throw invalid("fields must name at least one confidential field: " + String.join(", ", sortedFields()));
        }
        Set<String> names = new LinkedHashSet<>();
        for (String field : fields) {
            if (!confidentialFields.contains(field)) {
                throw invalid("fields may only name confidential fields: " + String.join(", ", sortedFields()));
            }
            names.add(field);
        }
        return names;
    }

    private List<String> sortedFields() {
        return confidentialFields.stream().sorted().toList();
    }

    private static List<String> scope(GrantRequest request) {
        boolean byIds =
                request.transactionIds() != null && !request.transactionIds().isEmpty();
        boolean byRange = request.participantId() != null || request.from() != null || request.to() != null;
        if (byIds == byRange) {
            throw invalid(SCOPE);
        }
        if (byIds) {
            if (request.transactionIds().size() > MAX_TRANSACTION_IDS) {
                throw invalid("transactionIds may hold at most " + MAX_TRANSACTION_IDS + " ids");
            }
            request.transactionIds().forEach(id -> requireName("transactionIds", id));
            return List.copyOf(new LinkedHashSet<>(request.transactionIds()));
        }
        requireName("participantId", request.participantId());
        if (request.from() == null || request.to() == null) {
            throw invalid("participantId needs both from and to");
        }
        if (!request.from().isBefore(request.to())) {
            throw invalid("from must be before to");
        }
        return List.of();
    }

    private void window(Instant notBefore, Instant notAfter, Instant now) {
        if (notBefore == null || notAfter == null) {
            throw invalid("notBefore and notAfter are required");
        }
        if (!notBefore.isBefore(notAfter)) {
            throw invalid("notBefore must be before notAfter");
        }
        if (Duration.between(notBefore, notAfter).compareTo(maxDuration) > 0) {
            throw invalid("a grant may last at most " + maxDuration + " (grants.max.duration)");
        }
        if (!notAfter.isAfter(now)) {
            throw invalid("notAfter must be in the future");
        }
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank() || !NAME.matcher(value).matches()) {
            throw invalid(field + " must be a non-blank name of at most 256 characters without control characters");
        }
    }

    private static InvalidGrantException invalid(String detail) {
        return new InvalidGrantException(detail);
    }
}
