package dev.ctx.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

class AuditFilterTest {

    private final List<AuditEntry> log = new AuditEntries()
            .access(0, "auditor-1", "settlement", "txn-1", AccessOutcome.GRANTED, null)
            .access(10, "auditor-2", "settlement", "txn-1", AccessOutcome.DENIED, "NO_GRANT")
            .access(20, "auditor-1", "dispute", "txn-2", AccessOutcome.GRANTED, null)
            .event(30, AccessEventType.KEY_ROTATED, AccessOutcome.SUCCESS, "miner-1", Map.of())
            .list();

    @Test
    void txnMatchesTheTransactionIdExactly() {
        assertThat(matching(new AuditFilter("txn-1", null, null, null, Set.of())))
                .extracting(entry -> entry.event().getRequester())
                .containsExactlyInAnyOrder("auditor-1", "auditor-2");
        assertThat(matching(new AuditFilter("txn", null, null, null, Set.of()))).isEmpty();
    }

    @Test
    void requesterMatchesTheRequesterExactly() {
        assertThat(matching(new AuditFilter(null, "auditor-1", null, null, Set.of())))
                .extracting(entry -> entry.event().getTransactionId())
                .containsExactlyInAnyOrder("txn-1", "txn-2");
    }

    @Test
    void sinceIsInclusiveAndUntilExclusive() {
        // Given the window [T0+10m, T0+30m)
        Instant since = AuditEntries.T0.plusSeconds(600);
        Instant until = AuditEntries.T0.plusSeconds(1800);

        // When
        List<AuditEntry> inWindow = matching(AuditFilter.window(since, until));

        // Then
        assertThat(inWindow).extracting(AuditEntry::time).containsExactlyInAnyOrder(since, since.plusSeconds(600));
    }

    @Test
    void criteriaCombineAndTypesNarrowFurther() {
        // Given
        AuditFilter filter =
                new AuditFilter("txn-1", null, AuditEntries.T0, null, Set.of(AccessEventType.ACCESS_DENIED));

        // When / Then
        assertThat(matching(filter))
                .singleElement()
                .satisfies(entry -> assertThat(entry.event().getReason()).isEqualTo("NO_GRANT"));
    }

    @Test
    void aFilterWithoutTxnRequesterOrSinceDoesNotNarrow() {
        assertThat(new AuditFilter(null, null, null, AuditEntries.T0, Set.of(AccessEventType.ACCESS_DENIED)).narrows())
                .isFalse();
        assertThat(new AuditFilter(null, "auditor-1", null, null, Set.of()).narrows())
                .isTrue();
    }

    @Test
    void anEmptyOrInvertedWindowIsRejected() {
        assertThatThrownBy(() -> AuditFilter.window(AuditEntries.T0, AuditEntries.T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not before");
    }

    private List<AuditEntry> matching(AuditFilter filter) {
        return log.stream().filter(filter).toList();
    }
}
