package dev.ctx.keyservice.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/** Creating and revoking: one commit of the grant with its event each, applied only once committed. */
class GrantsTest {

    private static final Instant NOW = Instant.parse("2026-01-05T00:00:00Z");
    private static final AuditContext OFFICER = new AuditContext("officer-1", "10.0.0.1", "ctx-test");
    private static final AuditContext OPERATOR = new AuditContext("operator-1", "10.0.0.2", "ctx-test");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final GrantTable table = new GrantTable();
    private final RecordingGrantLog log = new RecordingGrantLog();
    private final Grants grants = new Grants(
            table, log, new GrantValidator(Duration.ofDays(90)), new AccessEvents("key-service/test", clock), clock);

    @Test
    void createdGrantIsCommittedWithItsEventAndThenFound() {
        // When
        GrantState created = grants.create(OFFICER, GrantValidatorTest.byIds());
        // Then
        assertThat(log.commits()).singleElement().satisfies(commit -> {
            assertThat(commit.state()).isEqualTo(created);
            assertEvent(commit.event(), AccessEventType.GRANT_CREATED, created.grantId(), "officer-1");
        });
        assertThat(created.grantedAt()).isEqualTo(NOW);
        assertThat(grants.find(
                        "auditor-7",
                        GrantFixtures.transaction("txn-2", NOW, "client-1"),
                        "audit",
                        GrantFixtures.NOT_BEFORE))
                .map(Grant::grantId)
                .contains(created.grantId());
    }

    @Test
    void aRevokedGrantIsReportedAsLapsedSoTheRefusalSaysGrantNotValid() {
        // Given
        GrantState created = grants.create(OFFICER, GrantValidatorTest.byIds());
        grants.revoke(OPERATOR, created.grantId());
        // When / Then
        assertThat(grants.heldLapsed("auditor-7", GrantFixtures.transaction("txn-2", NOW, "client-1"), NOW))
                .isTrue();
        assertThat(grants.heldLapsed("auditor-8", GrantFixtures.transaction("txn-2", NOW, "client-1"), NOW))
                .isFalse();
    }

    @Test
    void eventCarriesGranteePurposeScopeAndFieldNamesOnly() {
        // When
        GrantState created = grants.create(OFFICER, GrantValidatorTest.byRange());
        // Then
        AccessEvent event = log.commits().get(0).event();
        assertThat(event.getAttributes())
                .containsEntry("grantee", "auditor-7")
                .containsEntry("purpose", "audit")
                .containsEntry("scope", "participant:client-1:[2026-01-01T00:00:00Z,2026-02-01T00:00:00Z)")
                .containsEntry("fields", "settlementDetails");
        assertThat(event.getDataAccessed()).isEmpty();
        assertThat(event.getIp()).isEqualTo("10.0.0.1");
        assertThat(created.grant().participantId()).isEqualTo("client-1");
    }

    @Test
    void grantWhoseCommitFailedIsNeitherStoredNorFound() {
        // Given
        log.failCommits(true);
        // When / Then
        assertThatThrownBy(() -> grants.create(OFFICER, GrantValidatorTest.byIds()))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(table.size()).isZero();
    }

    @Test
    void invalidRequestCommitsNothing() {
        // Given
        GrantRequest noFields = new GrantRequest(
                "auditor-7",
                List.of("txn-1"),
                null,
                null,
                null,
                "audit",
                List.of(),
                GrantFixtures.NOT_BEFORE,
                GrantFixtures.NOT_AFTER);
        // When / Then
        assertThatThrownBy(() -> grants.create(OFFICER, noFields)).isInstanceOf(InvalidGrantException.class);
        assertThat(log.commits()).isEmpty();
    }

    @Test
    void revokedGrantIsCommittedWithItsEventAndNoLongerFound() {
        // Given
        GrantState created = grants.create(OFFICER, GrantValidatorTest.byIds());
        // When
        GrantState revoked = grants.revoke(OPERATOR, created.grantId());
        // Then
        assertThat(revoked.revokedBy()).isEqualTo("operator-1");
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(log.commits()).hasSize(2).last().satisfies(commit -> {
            assertThat(commit.state()).isEqualTo(revoked);
            assertEvent(commit.event(), AccessEventType.GRANT_REVOKED, created.grantId(), "operator-1");
        });
        assertThat(grants.find(
                        "auditor-7",
                        GrantFixtures.transaction("txn-1", NOW, "client-1"),
                        "audit",
                        GrantFixtures.NOT_BEFORE))
                .isEmpty();
    }

    @Test
    void revocationWhoseCommitFailedLeavesTheGrantInForce() {
        // Given
        GrantState created = grants.create(OFFICER, GrantValidatorTest.byIds());
        log.failCommits(true);
        // When / Then
        assertThatThrownBy(() -> grants.revoke(OPERATOR, created.grantId()))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(grants.get(created.grantId()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isFalse());
    }

    @Test
    void revokingAnUnknownGrantIsRefused() {
        assertThatThrownBy(() -> grants.revoke(OPERATOR, "no-such-grant"))
                .isInstanceOf(UnknownGrantException.class)
                .hasMessage("no grant no-such-grant");
    }

    @Test
    void revokingTwiceIsRefusedAndCommitsOnce() {
        // Given
        GrantState created = grants.create(OFFICER, GrantValidatorTest.byIds());
        grants.revoke(OPERATOR, created.grantId());
        // When / Then
        assertThatThrownBy(() -> grants.revoke(OPERATOR, created.grantId()))
                .isInstanceOf(GrantAlreadyRevokedException.class);
        assertThat(log.commits()).hasSize(2);
    }

    private static void assertEvent(AccessEvent event, AccessEventType type, String grantId, String requester) {
        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getSubject()).isEqualTo(grantId);
        assertThat(event.getRequester()).isEqualTo(requester);
        assertThat(event.getOutcome()).isEqualTo(AccessOutcome.SUCCESS);
    }
}
