package dev.ctx.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report rendered by a real headless Chromium (Debian's package): no script errors, no CSP refusals, the
 * injected strings stay text, and a screenshot lands in {@code target/audit-report/report.png} for a person to look
 * at. Skipped without Chromium unless {@code CTX_REQUIRE_CHROMIUM=1}.
 */
class ReportChromiumTest {

    private static final Path WORK = Path.of("target", "audit-report");

    private static Path page;

    @BeforeAll
    static void writeTheSampleReport() throws Exception {
        Files.createDirectories(WORK);
        page = WORK.resolve("report.html").toAbsolutePath();
        Files.writeString(
                page,
                HtmlReport.render(
                        SampleAuditLog.report(ChainStatusSource.notChecked().chainStatus())),
                StandardCharsets.UTF_8);
    }

    @Test
    void theReportRendersWithoutScriptErrorsAndInjectedMarkupNeverRuns() throws Exception {
        // Given
        String chromium = HeadlessChromium.require();

        // When
        HeadlessChromium.Run run = HeadlessChromium.dumpDom(chromium, page, WORK);

        // Then
        assertThat(run.consoleErrors()).as(run.log()).isEmpty();
        assertThat(run.stdout())
                .contains("<title>ctx access log report 2026-12-01 \u2013 2026-12-08</title>")
                .contains("data-verdict=\"NOT_CHECKED\"")
                .doesNotContain("PWNED</title>")
                .doesNotContain("<img");
        assertThat(run.stdout().split("<svg class=\"chart\"", -1)).hasSize(5);
    }

    @Test
    void theScreenshotIsTaken() throws Exception {
        // Given
        String chromium = HeadlessChromium.require();
        Path png = WORK.resolve("report.png");
        Files.deleteIfExists(png);

        // When
        HeadlessChromium.Run run = HeadlessChromium.screenshot(chromium, page, png, 1280, 2900, WORK);

        // Then
        assertThat(run.consoleErrors()).as(run.log()).isEmpty();
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    @Test
    void theCheckSeesAScriptErrorAndABlockedScript() throws Exception {
        // Given a page whose hashed script throws and that carries an inline script the CSP must refuse
        String chromium = HeadlessChromium.require();
        Path broken = WORK.resolve("broken.html").toAbsolutePath();
        String html = HtmlReport.render(SampleAuditLog.report(ChainStatus.notChecked("n/a")))
                .replace("</main>", "</main><script>document.title='PWNED'</script>")
                .replace("document.querySelectorAll('input[data-filter]')", "document.querySelectorAl('x')");
        Files.writeString(broken, html, StandardCharsets.UTF_8);

        // When
        HeadlessChromium.Run run = HeadlessChromium.dumpDom(chromium, broken, WORK);

        // Then
        assertThat(run.consoleErrors()).isNotEmpty();
        assertThat(run.stdout()).doesNotContain("PWNED</title>");
    }
}
