package dev.ctx.keyservice.grants;

import static dev.ctx.keyservice.grants.GrantFixtures.GRANTED_AT;
import static dev.ctx.keyservice.grants.GrantFixtures.NOT_BEFORE;
import static dev.ctx.keyservice.grants.GrantFixtures.byIds;
import static dev.ctx.keyservice.grants.GrantFixtures.byRange;
import static dev.ctx.keyservice.grants.GrantFixtures.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ctx.schemas.encrypted.EncryptedTransaction;

/** {@link GrantBook#find}: which grant lets whom read which transaction, for what, when. */
class GrantTableTest {

    private static final Instant INSIDE = Instant.parse("2026-01-15T00:00:00Z");
    private static final EncryptedTransaction TXN = transaction("txn-1", INSIDE, "client-1", "miner-1");

    private final GrantTable table = new GrantTable();

    @ParameterizedTest(name = "at {0}: found={1}")
    @CsvSource({
        "2026-01-09T23:59:59.999Z, false",
        "2026-01-10T00:00:00Z,     true",
        "2026-01-19T23:59:59.999Z, true",
        "2026-01-20T00:00:00Z,     false"
    })
    void validityWindowIncludesNotBeforeAndExcludesNotAfter(Instant now, boolean found) {
        // Given
        table.apply(GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-1"), GRANTED_AT));
        // When
        Optional<Grant> grant = table.find("auditor-7", TXN, "audit", now);
        // Then
        assertThat(grant.isPresent()).isEqualTo(found);
    }

    @ParameterizedTest(name = "transaction at {0}: covered={1}")
    @CsvSource({
        "2025-12-31T23:59:59.999Z, false",
        "2026-01-01T00:00:00Z,     true",
        "2026-01-31T23:59:59.999Z, true",
        "2026-02-01T00:00:00Z,     false"
    })
    void participantRangeIncludesFromAndExcludesTo(Instant timestamp, boolean covered) {
        // Given
        table.apply(GrantState.active(byRange("g-1", "auditor-7", "audit", "client-1"), GRANTED_AT));
        // When
        Optional<Grant> grant = table.find("auditor-7", transaction("txn-9", timestamp, "client-1"), "audit", INSIDE);
        // Then
        assertThat(grant.isPresent()).isEqualTo(covered);
    }

    @Test
    void rangeGrantDoesNotCoverATransactionOfAnotherParticipant() {
        // Given
        table.apply(GrantState.active(byRange("g-1", "auditor-7", "audit", "client-1"), GRANTED_AT));
        // When
        Optional<Grant> grant = table.find("auditor-7", transaction("txn-2", INSIDE, "client-2"), "audit", INSIDE);
        // Then
        assertThat(grant).isEmpty();
    }

    @Test
    void idGrantCoversOnlyTheListedTransactions() {
        // Given
        table.apply(GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-1", "txn-3"), GRANTED_AT));
        // When
        Optional<Grant> listed = table.find("auditor-7", TXN, "audit", INSIDE);
        Optional<Grant> other = table.find("auditor-7", transaction("txn-2", INSIDE, "client-1"), "audit", INSIDE);
        // Then
        assertThat(listed).map(Grant::grantId).contains("g-1");
        assertThat(other).isEmpty();
    }

    @Test
    void grantForAnotherPurposeIsNotFound() {
        // Given
        table.apply(GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-1"), GRANTED_AT));
        // When
        Optional<Grant> grant = table.find("auditor-7", TXN, "settlement", INSIDE);
        // Then
        assertThat(grant).isEmpty();
    }

    @Test
    void grantOfAnotherGranteeIsNotFound() {
        // Given
        table.apply(GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-1"), GRANTED_AT));
        // When
        Optional<Grant> grant = table.find("auditor-8", TXN, "audit", INSIDE);
        // Then
        assertThat(grant).isEmpty();
    }

    @Test
    void revokedGrantIsNotFound() {
        // Given
        GrantState active = GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-1"), GRANTED_AT);
        table.apply(active);
        table.apply(active.revoked("operator-1", NOT_BEFORE));
        // When
        Optional<Grant> grant = table.find("auditor-7", TXN, "audit", INSIDE);
        // Then
        assertThat(grant).isEmpty();
    }

    @Test
    void revocationIsTerminalEvenWhenTheOlderRecordArrivesAfterIt() {
        // Given
        GrantState active = GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-1"), GRANTED_AT);
        table.apply(active.revoked("operator-1", NOT_BEFORE));
        // When
        table.apply(active);
        // Then
        assertThat(table.get("g-1"))
                .hasValueSatisfying(state -> assertThat(state.isRevoked()).isTrue());
        assertThat(table.find("auditor-7", TXN, "audit", INSIDE)).isEmpty();
    }

    @Test
    void removedGrantIsNotFound() {
        // Given
        table.apply(GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-1"), GRANTED_AT));
        // When
        table.remove("g-1");
        // Then
        assertThat(table.find("auditor-7", TXN, "audit", INSIDE)).isEmpty();
    }

    @Test
    void listHoldsTheGranteesGrantsRevokedOnesIncluded() {
        // Given
        GrantState first = GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-1"), GRANTED_AT);
        table.apply(first.revoked("operator-1", NOT_BEFORE));
        table.apply(GrantState.active(byIds("g-2", "auditor-7", "audit", "txn-2"), GRANTED_AT.plusSeconds(1)));
        table.apply(GrantState.active(byIds("g-3", "auditor-8", "audit", "txn-1"), GRANTED_AT));
        // When / Then
        assertThat(table.list("auditor-7")).extracting(GrantState::grantId).containsExactly("g-1", "g-2");
        assertThat(table.list(null)).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "expired,           2026-01-20T00:00:00Z, audit",
        "not yet valid,     2026-01-09T00:00:00Z, audit",
        "for another purpose, 2026-01-15T00:00:00Z, settlement"
    })
    void aGrantThatIsNotInForceIsReportedAsLapsed(String why, Instant now, String purpose) {
        // Given
        table.apply(GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-1"), GRANTED_AT));
        // When / Then
        assertThat(table.find("auditor-7", TXN, purpose, now)).isEmpty();
        assertThat(table.heldLapsed("auditor-7", TXN, now)).isTrue();
    }

    @Test
    void aRevokedGrantIsReportedAsLapsed() {
        // Given
        GrantState active = GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-1"), GRANTED_AT);
        table.apply(active.revoked("operator-1", NOT_BEFORE));
        // Then
        assertThat(table.heldLapsed("auditor-7", TXN, INSIDE)).isTrue();
    }

    @Test
    void noGrantForTheTransactionOrForTheCallerIsNotLapsed() {
        // Given
        table.apply(GrantState.active(byIds("g-1", "auditor-7", "audit", "txn-2"), GRANTED_AT));
        // Then
        assertThat(table.heldLapsed("auditor-7", TXN, INSIDE))
                .as("grant for another transaction")
                .isFalse();
        assertThat(table.heldLapsed("auditor-8", TXN, INSIDE))
                .as("another grantee")
                .isFalse();
        assertThat(table.heldLapsed(null, TXN, INSIDE)).as("no subject").isFalse();
    }
}
