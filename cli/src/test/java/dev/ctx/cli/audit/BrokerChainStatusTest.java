package dev.ctx.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.client.auditlog.BreakKind;
import dev.ctx.client.auditlog.ChainBreak;
import dev.ctx.client.auditlog.VerificationReport;

/** What the report shows for a verifier's outcome: "verified" only for a report without a break. */
class BrokerChainStatusTest {

    @Test
    void aReportWithoutBreaksIsShownAsVerified() {
        // When
        ChainStatus status = BrokerChainStatus.of(new VerificationReport(List.of(), List.of()));
        // Then
        assertThat(status.verdict()).isEqualTo(ChainStatus.Verdict.VERIFIED);
        assertThat(status.firstBreak()).isNull();
    }

    @Test
    void aReportWithBreaksIsShownAsBrokenAtTheLowestPartitionsBreak() {
        // Given
        VerificationReport report = new VerificationReport(
                List.of(
                        new ChainBreak("access-log", 2, 17, BreakKind.BAD_PREV_HASH, "prevHash differs"),
                        new ChainBreak("access-log", 1, 40, BreakKind.MODIFIED_EVENT, "hash differs")),
                List.of());
        // When
        ChainStatus status = BrokerChainStatus.of(report);
        // Then
        assertThat(status.verdict()).isEqualTo(ChainStatus.Verdict.BROKEN);
        assertThat(status.firstBreak()).isEqualTo(new ChainStatus.ChainBreak(1, 40, "MODIFIED_EVENT"));
        assertThat(status.note()).contains("MODIFIED_EVENT at access-log/1@40");
    }
}
