package dev.ctx.cli.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * Renders an {@link AuditReport} as one self-contained HTML file: inline CSS, inline SVG charts ({@link SvgCharts}),
 * one small inline script (table filters) pinned by hash in a Content-Security-Policy that also forbids every network
 * fetch. Every string from an event is escaped ({@link Html#escape}); the CSP is the second line of defence.
 */
final class HtmlReport {

    /** Okabe-Ito colours per outcome, readable for the common colour-vision deficiencies. */
    private static final Map<AccessOutcome, String> COLOURS = Map.of(
            AccessOutcome.GRANTED, "#009E73",
            AccessOutcome.SUCCESS, "#56B4E9",
            AccessOutcome.DENIED, "#D55E00",
            AccessOutcome.FAILED, "#E69F00",
            AccessOutcome.UNKNOWN, "#999999");

    private static final List<AccessOutcome> STACK_ORDER = List.of(
            AccessOutcome.GRANTED,
            AccessOutcome.SUCCESS,
            AccessOutcome.DENIED,
            AccessOutcome.FAILED,
            AccessOutcome.UNKNOWN);

    /** Rows per table at most; the rest are one {@code ctx audit search} away. */
    static final int MAX_ROWS = 500;

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    static final String SCRIPT = """
            document.querySelectorAll('input[data-filter]').forEach(function (input) {
              var table = document.getElementById(input.getAttribute('data-filter'));
              input.addEventListener('input', function () {
                var needle = input.value.toLowerCase();
                table.querySelectorAll('tbody tr').forEach(function (row) {
                  row.hidden = needle !== '' && row.textContent.toLowerCase().indexOf(needle) < 0;
                });
              });
            });
            """;

    private static final String CSS = """
            :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --panel: #ffffff; --bg: #f5f7fa; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
              font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
            header { background: #102a43; color: #fff; padding: 20px 32px; }
            header h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
            header p { margin: 0; color: #bcccdc; }
            main { max-width: 1100px; margin: 0 auto; padding: 20px 24px 40px; }
            section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
              padding: 16px 20px; margin: 0 0 18px; }
            h2 { font-size: 17px; margin: 0 0 4px; }
            p.what { color: var(--muted); margin: 0 0 10px; }
            .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr)); gap: 12px; }
            .tile { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
            .tile b { display: block; font-size: 26px; font-weight: 600; }
            .tile span { color: var(--muted); }
            .chain { border-left: 6px solid; }
            .chain.verified { border-color: #009E73; background: #ecfdf5; }
            .chain.broken { border-color: #c62828; background: #fdecea; }
            .chain.not-checked { border-color: #E69F00; background: #fff8e6; }
            .chain h2 { font-size: 18px; }
            svg.chart { width: 100%; height: auto; display: block; }
            svg.chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
            svg.chart text.tick, svg.chart text.label { fill: var(--muted); }
            svg.chart text.empty { fill: var(--muted); font-size: 14px; }
            svg.chart line.grid { stroke: #eef2f6; }
            svg.chart line.axis { stroke: #9aa5b1; }
            svg.chart rect:hover { opacity: .8; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; }
            th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { background: #f0f4f8; font-weight: 600; }
            td { word-break: break-word; }
            input[data-filter] { margin: 0 0 8px; padding: 5px 8px; width: 280px; border: 1px solid var(--line);
              border-radius: 4px; }
            .none { color: var(--muted); font-style: italic; }
            footer { color: var(--muted); font-size: 12px; max-width: 1100px; margin: 0 auto; padding: 0 24px 24px; }
            @media print { input[data-filter] { display: none; } section { break-inside: avoid; } }
            """;

    private HtmlReport() {}

    static String render(AuditReport report) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:; script-src '")
                .append(scriptHash())
                .append("'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>ctx access log report ")
                .append(Html.escape(DAY.format(report.since())))
                .append(" \u2013 ")
                .append(Html.escape(DAY.format(report.until())))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n");
        header(html, report);
        html.append("<main>\n");
        chain(html, report.chain());
        tiles(html, report);
        decisionsOverTime(html, report);
        denials(html, report);
        accesses(
                html,
                "by-requester",
                "Accesses by requester",
                report.accessesByRequester(),
                "Access decisions (granted, denied, escrow opens and refusals) per authenticated requester.");
        accesses(
                html,
                "by-purpose",
                "Accesses by purpose",
                report.accessesByPurpose(),
                "The same decisions by the purpose the requester declared.");
        escrowOpens(html, report);
        keyLifecycle(html, report);
        html.append("</main>\n");
        footer(html, report);
        html.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, AuditReport report) {
        html.append("<header>\n<h1>Access log report</h1>\n<p>")
                .append(Html.escape(MINUTE.format(report.since())))
                .append(" to ")
                .append(Html.escape(MINUTE.format(report.until())))
                .append(" UTC \u00b7 ")
                .append(report.entries().size())
                .append(" events from ")
                .append(Html.escape(report.sourceDescription()))
                .append("</p>\n</header>\n");
    }

    private static void chain(StringBuilder html, ChainStatus chain) {
        String css;
        String headline;
        switch (chain.verdict()) {
            case VERIFIED -> {
                css = "verified";
                headline = "Chain verified";
            }
            case BROKEN -> {
                css = "broken";
                headline = "Chain BROKEN";
            }
            default -> {
                css = "not-checked";
                headline = "Chain not checked";
            }
        }
        html.append("<section id=\"chain-status\" class=\"chain ")
                .append(css)
                .append("\" data-verdict=\"")
                .append(chain.verdict().name())
                .append("\">\n<h2>")
                .append(headline)
                .append("</h2>\n");
        if (chain.verdict() == ChainStatus.Verdict.NOT_CHECKED) {
            html.append("<p><strong>This report makes no claim that the access log is complete or unmodified."
                    + "</strong></p>\n");
        } else {
            html.append("<p>")
                    .append(chain.partitions())
                    .append(" partitions, ")
                    .append(chain.events())
                    .append(" events, ")
                    .append(chain.checkpoints())
                    .append(" signed checkpoints checked.</p>\n");
        }
        if (chain.firstBreak() != null) {
            html.append("<p>First break: partition ")
                    .append(chain.firstBreak().partition())
                    .append(", offset ")
                    .append(chain.firstBreak().offset())
                    .append(", kind <code>")
                    .append(Html.escape(chain.firstBreak().kind()))
                    .append("</code>. Entries after it cannot be trusted.</p>\n");
        }
        if (chain.note() != null) {
            html.append("<p class=\"what\">").append(Html.escape(chain.note())).append("</p>\n");
        }
        html.append("</section>\n");
    }

    private static void tiles(StringBuilder html, AuditReport report) {
        Map<AccessOutcome, Long> outcomes = report.byOutcome();
        html.append("<section class=\"tiles-section\">\n<div class=\"tiles\">\n");
        tile(html, report.entries().size(), "events");
        tile(html, report.accesses(), "access decisions");
        tile(html, outcomes.getOrDefault(AccessOutcome.GRANTED, 0L), "granted");
        tile(html, outcomes.getOrDefault(AccessOutcome.DENIED, 0L), "denied");
        tile(html, report.escrowOpens().size(), "escrow opens");
        tile(html, report.keyLifecycle().size(), "key lifecycle events");
        tile(html, report.distinctRequesters(), "requesters");
        html.append("</div>\n</section>\n");
    }

    private static void tile(StringBuilder html, long value, String label) {
        html.append("<div class=\"tile\"><b>")
                .append(value)
                .append("</b><span>")
                .append(label)
                .append("</span></div>\n");
    }

    private static void decisionsOverTime(StringBuilder html, AuditReport report) {
        List<Instant> starts = report.bucketStarts();
        DateTimeFormatter format = report.bucket().compareTo(Duration.ofDays(1)) >= 0 ? DAY : MINUTE;
        List<String> labels = starts.stream().map(format::format).toList();
        DateTimeFormatter tickFormat = format == DAY ? DAY : SHORT;
        List<String> ticks = starts.stream().map(tickFormat::format).toList();
        long[][] all = report.decisionsOverTime();
        long[][] stacked = new long[STACK_ORDER.size()][];
        for (int i = 0; i < STACK_ORDER.size(); i++) {
            stacked[i] = all[STACK_ORDER.get(i).ordinal()];
        }
        html.append("<section id=\"decisions-over-time\">\n<h2>Decisions over time</h2>\n<p class=\"what\">")
                .append("Every event in the window per ")
                .append(describe(report.bucket()))
                .append(", stacked by outcome. Hover a bar for its count.</p>\n")
                .append(SvgCharts.stackedColumns(
                        "Decisions over time by outcome",
                        labels,
                        ticks,
                        series(),
                        stacked,
                        "events per " + describe(report.bucket()),
                        "time (UTC)"))
                .append("</section>\n");
    }

    private static void denials(StringBuilder html, AuditReport report) {
        Map<String, Long> reasons = report.denialsByReason();
        List<String> rows = new ArrayList<>(reasons.keySet());
        long[][] values = new long[rows.size()][1];
        for (int r = 0; r < rows.size(); r++) {
            values[r][0] = reasons.get(rows.get(r));
        }
        html.append("<section id=\"denials-by-reason\">\n<h2>Denials by reason</h2>\n<p class=\"what\">")
                .append("Events with outcome DENIED, by the reason the deciding component gave, most frequent first.")
                .append("</p>\n")
                .append(SvgCharts.horizontalBars(
                        "Denials by reason",
                        rows,
                        List.of(new SvgCharts.Series("DENIED", COLOURS.get(AccessOutcome.DENIED))),
                        values,
                        "denied events"))
                .append("</section>\n");
    }

    private static void accesses(
            StringBuilder html, String id, String title, Map<String, Map<AccessOutcome, Long>> counts, String what) {
        List<String> rows = new ArrayList<>(counts.keySet());
        long[][] values = new long[rows.size()][STACK_ORDER.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int s = 0; s < STACK_ORDER.size(); s++) {
                values[r][s] = counts.get(rows.get(r)).getOrDefault(STACK_ORDER.get(s), 0L);
            }
        }
        html.append("<section id=\"")
                .append(id)
                .append("\">\n<h2>")
                .append(title)
                .append("</h2>\n<p class=\"what\">")
                .append(what)
                .append("</p>\n")
                .append(SvgCharts.horizontalBars(title, rows, series(), values, "access decisions"))
                .append("</section>\n");
    }

    private static void escrowOpens(StringBuilder html, AuditReport report) {
        table(
                html,
                "escrow-opens",
                "Escrow opens",
                "Every ESCROW_OPENED event: a transaction opened with the escrow key under an approved request.",
                report.escrowOpens(),
                List.of(
                        "Time (UTC)",
                        "Request",
                        "Authorization reference",
                        "Approvers",
                        "Legal basis",
                        "Transaction",
                        "Opened by",
                        "Opens"),
                List.of(
                        entry -> MINUTE.format(entry.time()),
                        entry -> attribute(
                                entry.event(), "requestId", entry.event().getSubject()),
                        entry -> attribute(entry.event(), "authorizationReference", null),
                        entry -> attribute(
                                entry.event(), "approvers", entry.event().getAuthorizedBy()),
                        entry -> attribute(entry.event(), "legalBasis", null),
                        entry -> entry.event().getTransactionId(),
                        entry -> entry.event().getRequester(),
                        entry -> attribute(entry.event(), "opens", null)));
    }

    private static void keyLifecycle(StringBuilder html, AuditReport report) {
        table(
                html,
                "key-lifecycle",
                "Key lifecycle events",
                "Participant keys, the escrow key and the audit signing key: created, rotated, revoked, retired,"
                        + " destroyed, proven; shredding and revocation of access.",
                report.keyLifecycle(),
                List.of("Time (UTC)", "Event", "Subject", "Outcome", "By", "Source", "Details"),
                List.of(
                        entry -> MINUTE.format(entry.time()),
                        entry -> entry.event().getType().name(),
                        entry -> entry.event().getSubject(),
                        entry -> entry.event().getOutcome().name(),
                        entry -> entry.event().getRequester(),
                        entry -> entry.event().getSource(),
                        entry -> details(entry.event())));
    }

    private static void table(
            StringBuilder html,
            String id,
            String title,
            String what,
            List<AuditEntry> entries,
            List<String> headers,
            List<Function<AuditEntry, String>> cells) {
        html.append("<section id=\"")
                .append(id)
                .append("\">\n<h2>")
                .append(title)
                .append(" (")
                .append(entries.size())
                .append(")</h2>\n<p class=\"what\">")
                .append(what)
                .append("</p>\n");
        if (entries.isEmpty()) {
            html.append("<p class=\"none\">None in this window.</p>\n</section>\n");
            return;
        }
        html.append("<input type=\"search\" placeholder=\"Filter rows\" aria-label=\"Filter ")
                .append(title)
                .append("\" data-filter=\"")
                .append(id)
                .append("-table\">\n<table id=\"")
                .append(id)
                .append("-table\">\n<thead><tr>");
        headers.forEach(header -> html.append("<th>").append(header).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        entries.stream().limit(MAX_ROWS).forEach(entry -> {
            html.append("<tr>");
            cells.forEach(cell -> {
                String value = cell.apply(entry);
                html.append("<td>")
                        .append(value == null ? "" : Html.escape(value))
                        .append("</td>");
            });
            html.append("</tr>\n");
        });
        html.append("</tbody>\n</table>\n");
        if (entries.size() > MAX_ROWS) {
            html.append("<p class=\"what\">")
                    .append(entries.size() - MAX_ROWS)
                    .append(" more not shown: use <code>ctx audit search</code>.</p>\n");
        }
        html.append("</section>\n");
    }

    private static void footer(StringBuilder html, AuditReport report) {
        html.append("<footer>Generated ")
                .append(Html.escape(report.generatedAt().toString()))
                .append(" by ctx audit report from ")
                .append(Html.escape(report.sourceDescription()))
                .append(". Counts are by event time; the window includes its start and excludes its end.")
                .append(" Outcome colours: GRANTED green, SUCCESS blue, DENIED vermillion, FAILED orange.")
                .append("</footer>\n");
    }

    private static List<SvgCharts.Series> series() {
        return STACK_ORDER.stream()
                .map(outcome -> new SvgCharts.Series(outcome.name(), COLOURS.get(outcome)))
                .toList();
    }

    private static String attribute(AccessEvent event, String key, String fallback) {
        String value = event.getAttributes().get(key);
        return value == null ? fallback : value;
    }

    private static String details(AccessEvent event) {
        StringBuilder details = new StringBuilder();
        if (event.getReason() != null) {
            details.append(event.getReason());
        }
        event.getAttributes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> details.append(details.length() == 0 ? "" : "; ")
                        .append(e.getKey())
                        .append('=')
                        .append(e.getValue()));
        return details.toString();
    }

    private static String describe(Duration bucket) {
        if (bucket.toDays() >= 1) {
            return bucket.toDays() == 1 ? "day" : bucket.toDays() + " days";
        }
        if (bucket.toHours() >= 1) {
            return bucket.toHours() == 1 ? "hour" : bucket.toHours() + " hours";
        }
        return bucket.toMinutes() + " minutes";
    }

    /** The CSP source of {@link #SCRIPT}: {@code sha256-} and the base64 of its SHA-256. */
    static String scriptHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
