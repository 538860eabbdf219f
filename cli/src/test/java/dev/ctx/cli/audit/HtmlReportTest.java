package dev.ctx.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ctx.schemas.access.AccessOutcome;

class HtmlReportTest {

    @Test
    void aReportWithoutAVerifierSaysNotCheckedAndNeverVerified() {
        // When
        String html = HtmlReport.render(
                SampleAuditLog.report(ChainStatusSource.notChecked().chainStatus()));

        // Then
        assertThat(html)
                .contains("data-verdict=\"NOT_CHECKED\"", "Chain not checked")
                .contains("makes no claim that the access log is complete or unmodified")
                .doesNotContainIgnoringCase("chain verified")
                .doesNotContain("class=\"chain verified\"");
    }

    @Test
    void aBrokenChainShowsItsFirstBreak() {
        // Given
        ChainStatus broken = new ChainStatus(
                ChainStatus.Verdict.BROKEN, 3, 1200, 12, new ChainStatus.ChainBreak(2, 417, "HASH_MISMATCH"), null);

        // When
        String html = HtmlReport.render(SampleAuditLog.report(broken));

        // Then
        assertThat(html)
                .contains("data-verdict=\"BROKEN\"", "Chain BROKEN")
                .contains("First break: partition 2, offset 417, kind <code>HASH_MISMATCH</code>");
    }

    @Test
    void aVerifiedChainShowsWhatWasChecked() {
        // Given
        ChainStatus verified = new ChainStatus(ChainStatus.Verdict.VERIFIED, 3, 1200, 12, null, null);

        // When
        String html = HtmlReport.render(SampleAuditLog.report(verified));

        // Then
        assertThat(html).contains("Chain verified", "3 partitions, 1200 events, 12 signed checkpoints checked.");
    }

    @Test
    void aVerdictAndItsBreakMustAgree() {
        assertThatThrownBy(() -> new ChainStatus(ChainStatus.Verdict.BROKEN, 1, 1, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChainStatus(
                        ChainStatus.Verdict.VERIFIED, 1, 1, 0, new ChainStatus.ChainBreak(0, 0, "X"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markupInRequesterIdsAndReasonsIsEscapedEverywhere() {
        // When
        String html = HtmlReport.render(SampleAuditLog.report(ChainStatus.notChecked("n/a")));

        // Then: the hostile strings appear only as text
        assertThat(html)
                .doesNotContain(SampleAuditLog.SCRIPT_REQUESTER)
                .doesNotContain(SampleAuditLog.ATTRIBUTE_REASON)
                .doesNotContain("<img")
                .contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=&quot;document.title=&#39;PWNED&#39;&quot;&gt;");
        assertThat(Pattern.compile("<script").matcher(html).results().count())
                .as("only the report's own script element")
                .isEqualTo(1);
    }

    @Test
    void theOnlyScriptIsPinnedByHashAndNothingMayBeFetched() throws Exception {
        // When
        String html = HtmlReport.render(SampleAuditLog.report(ChainStatus.notChecked("n/a")));

        // Then
        Matcher csp = Pattern.compile("Content-Security-Policy\" content=\"([^\"]+)\"")
                .matcher(html);
        assertThat(csp.find()).isTrue();
        assertThat(csp.group(1))
                .startsWith("default-src 'none';")
                .contains("script-src '" + HtmlReport.scriptHash() + "'")
                .doesNotContain("unsafe-eval")
                .doesNotContain("http");
        assertThat(html).contains("<script>" + HtmlReport.SCRIPT + "</script>");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void everySectionIsThereWithItsFigures() {
        // Given
        AuditReport report = SampleAuditLog.report(ChainStatus.notChecked("n/a"));

        // When
        String html = HtmlReport.render(report);

        // Then
        assertThat(html)
                .contains("id=\"decisions-over-time\"", "id=\"denials-by-reason\"", "id=\"by-requester\"")
                .contains("id=\"by-purpose\"", "id=\"escrow-opens\"", "id=\"key-lifecycle\"");
        assertThat(html).contains("<h2>Escrow opens (2)</h2>", "CASE-77/2026", "officer-a,officer-b", "esc-2026-0042");
        assertThat(html).contains("KEY_ROTATED", "KEY_REVOKED", "AUDIT_SIGNING_KEY_ROTATED");
        assertThat(html).contains("<title>auditor-anna \u00b7 GRANTED: ");
        assertThat(html).contains("NO_GRANT", "GRANT_EXPIRED", "time (UTC)", "events per 6 hours");
        assertThat(report.bucket()).isEqualTo(Duration.ofHours(6));
        assertThat(report.entries())
                .noneMatch(entry -> entry.time().isBefore(SampleAuditLog.SINCE)
                        || !entry.time().isBefore(SampleAuditLog.UNTIL));
    }

    @Test
    void denialsAndAccessesAreCountedFromTheEvents() {
        // Given
        List<AuditEntry> log = new AuditEntries()
                .access(0, "a", "settlement", "t1", AccessOutcome.GRANTED, null)
                .access(1, "a", "settlement", "t2", AccessOutcome.DENIED, "NO_GRANT")
                .access(2, "b", "dispute", "t3", AccessOutcome.DENIED, "NO_GRANT")
                .access(3, "b", null, "t4", AccessOutcome.DENIED, null)
                .list();

        // When
        AuditReport report =
                AuditReport.of(log, AuditEntries.T0, AuditEntries.T0.plusSeconds(3600), AuditEntries.T0, "test", null);

        // Then
        assertThat(report.denialsByReason()).containsExactly(Map.entry("NO_GRANT", 2L), Map.entry("(none)", 1L));
        assertThat(report.accessesByRequester().get("a"))
                .containsEntry(AccessOutcome.GRANTED, 1L)
                .containsEntry(AccessOutcome.DENIED, 1L);
        assertThat(report.accessesByPurpose()).containsKeys("settlement", "dispute", "(none)");
        long[][] overTime = report.decisionsOverTime();
        assertThat(overTime[AccessOutcome.DENIED.ordinal()][0]).isEqualTo(3);
        assertThat(report.bucket()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT1H, PT5M", "PT6H, PT5M", "PT7H, PT15M", "P1D, PT1H", "P7D, PT6H", "P30D, P1D", "P365D, P7D"})
    void bucketsKeepTheTimelineAtMostSeventyTwoColumns(String span, String bucket) {
        assertThat(AuditReport.bucketFor(Duration.parse(span))).isEqualTo(Duration.parse(bucket));
    }
}
