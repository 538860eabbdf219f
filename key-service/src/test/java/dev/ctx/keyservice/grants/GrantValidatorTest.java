package dev.ctx.keyservice.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of a grant request, each with the detail the caller gets (HTTP 400). */
class GrantValidatorTest {

    private static final Instant NOW = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant NOT_BEFORE = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2026-01-20T00:00:00Z");
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");

    private final GrantValidator validator = new GrantValidator(Duration.ofDays(30));

    static GrantRequest byIds() {
        return new GrantRequest(
                "auditor-7",
                List.of("txn-1", "txn-2"),
                null,
                null,
                null,
                "audit",
                List.of("amount", "pricing"),
                NOT_BEFORE,
                NOT_AFTER);
    }

    static GrantRequest byRange() {
        return new GrantRequest(
                "auditor-7", null, "client-1", FROM, TO, "audit", List.of("settlementDetails"), NOT_BEFORE, NOT_AFTER);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("no grantee", r -> with(r, "grantee", null), "grantee must be a non-blank name"),
                invalid("blank grantee", r -> with(r, "grantee", "  "), "grantee must be a non-blank name"),
                invalid("no purpose", r -> with(r, "purpose", null), "purpose must be a purpose id"),
                invalid("blank purpose", r -> with(r, "purpose", " "), "purpose must be a purpose id"),
                invalid("no fields", r -> with(r, "fields", null), "fields must name at least one"),
                invalid("empty fields", r -> with(r, "fields", List.of()), "fields must name at least one"),
                invalid(
                        "non-confidential field",
                        r -> with(r, "fields", List.of("amount", "currency")),
                        "fields may only name confidential fields: amount, pricing, settlementDetails"),
                invalid(
                        "no scope",
                        r -> with(with(r, "transactionIds", null), "participantId", null),
                        "exactly one scope is required"),
                invalid(
                        "empty ids, no range",
                        r -> with(r, "transactionIds", List.of()),
                        "exactly one scope is required"),
                invalid("both scopes", r -> with(r, "participantId", "client-1"), "exactly one scope is required"),
                invalid(
                        "blank transaction id",
                        r -> with(r, "transactionIds", List.of("txn-1", "")),
                        "transactionIds must be a non-blank name"),
                invalid(
                        "participant without range",
                        r -> with(byRange(), "to", null),
                        "participantId needs both from and to"),
                invalid(
                        "range without participant",
                        r -> with(byRange(), "participantId", null),
                        "participantId must be a non-blank name"),
                invalid("empty range", r -> with(byRange(), "to", FROM), "from must be before to"),
                invalid("no notBefore", r -> with(r, "notBefore", null), "notBefore and notAfter are required"),
                invalid("no notAfter", r -> with(r, "notAfter", null), "notBefore and notAfter are required"),
                invalid("empty window", r -> with(r, "notAfter", NOT_BEFORE), "notBefore must be before notAfter"),
                invalid(
                        "reversed window",
                        r -> with(r, "notBefore", NOT_AFTER.plusSeconds(1)),
                        "notBefore must be before notAfter"),
                invalid(
                        "too long",
                        r -> with(
                                r,
                                "notAfter",
                                NOT_BEFORE.plus(Duration.ofDays(30)).plusMillis(1)),
                        "a grant may last at most PT720H (grants.max.duration)"),
                invalid(
                        "already over",
                        r -> with(with(r, "notBefore", NOW.minusSeconds(60)), "notAfter", NOW),
                        "notAfter must be in the future"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestIsRefusedWithAClearDetail(String rule, GrantRequest request, String detail) {
        assertThatThrownBy(() -> validator.validate(request, "g-1", "officer-1", NOW))
                .isInstanceOf(InvalidGrantException.class)
                .hasMessageContaining(detail);
    }

    @Test
    void requestByTransactionIdsBecomesAGrant() {
        // When
        Grant grant = validator.validate(byIds(), "g-1", "officer-1", NOW);
        // Then
        assertThat(grant.transactionIds()).containsExactly("txn-1", "txn-2");
        assertThat(grant.participantId()).isNull();
        assertThat(grant.fields()).containsExactlyInAnyOrder("amount", "pricing");
        assertThat(grant.grantedBy()).isEqualTo("officer-1");
    }

    @Test
    void requestByParticipantRangeOfExactlyTheMaximumDurationBecomesAGrant() {
        // Given
        GrantRequest request = with(byRange(), "notAfter", NOT_BEFORE.plus(Duration.ofDays(30)));
        // When
        Grant grant = validator.validate(request, "g-1", "officer-1", NOW);
        // Then
        assertThat(grant.transactionIds()).isEmpty();
        assertThat(grant.participantId()).isEqualTo("client-1");
        assertThat(grant.from()).isEqualTo(FROM);
        assertThat(grant.to()).isEqualTo(TO);
    }

    private static Arguments invalid(String rule, UnaryOperator<GrantRequest> change, String detail) {
        return Arguments.of(rule, change.apply(byIds()), detail);
    }

    /** {@code request} with one component replaced. */
    @SuppressWarnings("unchecked")
    private static GrantRequest with(GrantRequest r, String component, Object value) {
        Object[] v = {
            r.grantee(),
            r.transactionIds(),
            r.participantId(),
            r.from(),
            r.to(),
            r.purpose(),
            r.fields(),
            r.notBefore(),
            r.notAfter()
        };
        List<String> names = Arrays.asList(
                "grantee",
                "transactionIds",
                "participantId",
                "from",
                "to",
                "purpose",
                "fields",
                "notBefore",
                "notAfter");
        v[names.indexOf(component)] = value;
        return new GrantRequest(
                (String) v[0],
                (List<String>) v[1],
                (String) v[2],
                (Instant) v[3],
                (Instant) v[4],
                (String) v[5],
                (List<String>) v[6],
                (Instant) v[7],
                (Instant) v[8]);
    }
}
