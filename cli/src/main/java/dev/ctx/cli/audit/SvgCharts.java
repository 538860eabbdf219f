package dev.ctx.cli.audit;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts drawn in Java, no library: stacked columns over time and stacked horizontal bars by category.
 * Every string passes through {@link Html#escape}; every bar segment carries a {@code <title>} with its count, which
 * browsers show on hover. Colours come from the caller's series (colour-blind-safe Okabe-Ito in the report).
 */
final class SvgCharts {

    private static final int WIDTH = 960;

    /** A stacked series: its legend name and fill colour. */
    record Series(String name, String colour) {}

    private SvgCharts() {}

    /**
     * Stacked columns, one per time bucket.
     *
     * @param buckets one label per column for the hover text
     * @param ticks one short label per column for the axis (every few are shown)
     * @param values {@code values[series][bucket]}
     */
    static String stackedColumns(
            String ariaLabel,
            List<String> buckets,
            List<String> ticks,
            List<Series> series,
            long[][] values,
            String yLabel,
            String xLabel) {
        int left = 64;
        int right = 16;
        int top = 44;
        int bottom = 58;
        int plotHeight = 240;
        int plotWidth = WIDTH - left - right;
        int height = top + plotHeight + bottom;
        long max = 0;
        for (int b = 0; b < buckets.size(); b++) {
            max = Math.max(max, columnTotal(values, b));
        }
        StringBuilder svg = open(ariaLabel, height);
        legend(svg, series, totals(values), left, 18);
        long step = niceStep(max);
        long axisMax = Math.max(step, ((max + step - 1) / step) * step);
        for (long tick = 0; tick <= axisMax; tick += step) {
            double y = top + plotHeight - (double) tick / axisMax * plotHeight;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                            + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
                    left,
                    left + plotWidth,
                    y,
                    y,
                    left - 6,
                    y + 4,
                    tick));
        }
        int n = Math.max(1, buckets.size());
        double slot = (double) plotWidth / n;
        double barWidth = Math.max(1, slot * 0.78);
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int b = 0; b < buckets.size(); b++) {
            double x = left + b * slot + (slot - barWidth) / 2;
            double y = top + plotHeight;
            long total = columnTotal(values, b);
            for (int s = 0; s < series.size(); s++) {
                long count = values[s][b];
                if (count == 0) {
                    continue;
                }
                double h = (double) count / axisMax * plotHeight;
                y -= h;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                + "<title>%s \u00b7 %s: %d of %d</title></rect>%n",
                        x,
                        y,
                        barWidth,
                        h,
                        series.get(s).colour(),
                        Html.escape(buckets.get(b)),
                        Html.escape(series.get(s).name()),
                        count,
                        total));
            }
            if (b % labelEvery == 0 && left + b * slot + slot / 2 + 40 <= WIDTH) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                        left + b * slot + slot / 2,
                        top + plotHeight + 18,
                        Html.escape(ticks.get(b))));
            }
        }
        if (max == 0) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"empty\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">No events in this window</text>%n",
                    left + plotWidth / 2,
                    top + plotHeight / 2));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>%n",
                left,
                left + plotWidth,
                top + plotHeight,
                top + plotHeight));
        svg.append(String.format(
                Locale.ROOT,
                "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n"
                        + "<text class=\"label\" transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">"
                        + "%s</text>%n",
                left + plotWidth / 2,
                height - 12,
                Html.escape(xLabel),
                top + plotHeight / 2,
                Html.escape(yLabel)));
        return svg.append("</svg>\n").toString();
    }

    /**
     * Stacked horizontal bars, one row per category, with the row's total at the end of the bar.
     *
     * @param values {@code values[row][series]}
     */
    static String horizontalBars(
            String ariaLabel, List<String> rows, List<Series> series, long[][] values, String xLabel) {
        int labelWidth = 260;
        int right = 70;
        int top = series.size() > 1 ? 44 : 12;
        int rowHeight = 28;
        int bottom = 40;
        int plotWidth = WIDTH - labelWidth - right;
        int height = top + Math.max(1, rows.size()) * rowHeight + bottom;
        long max = 0;
        long[] seriesTotals = new long[series.size()];
        for (int r = 0; r < rows.size(); r++) {
            long total = 0;
            for (int s = 0; s < series.size(); s++) {
                total += values[r][s];
                seriesTotals[s] += values[r][s];
            }
            max = Math.max(max, total);
        }
        StringBuilder svg = open(ariaLabel, height);
        if (series.size() > 1) {
            legend(svg, series, seriesTotals, labelWidth, 18);
        }
        for (int r = 0; r < rows.size(); r++) {
            String label = rows.get(r);
            double y = top + r * rowHeight;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"cat\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s<title>%s</title></text>%n",
                    labelWidth - 10,
                    y + rowHeight / 2.0 + 4,
                    Html.escape(Html.shorten(label, 36)),
                    Html.escape(label)));
            double x = labelWidth;
            long total = 0;
            for (int s = 0; s < series.size(); s++) {
                long count = values[r][s];
                total += count;
                if (count == 0) {
                    continue;
                }
                double w = (double) count / max * plotWidth;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                                + "<title>%s \u00b7 %s: %d</title></rect>%n",
                        x,
                        y + 4,
                        w,
                        rowHeight - 8,
                        series.get(s).colour(),
                        Html.escape(label),
                        Html.escape(series.get(s).name()),
                        count));
                x += w;
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"count\" x=\"%.1f\" y=\"%.1f\">%d</text>%n",
                    x + 6,
                    y + rowHeight / 2.0 + 4,
                    total));
        }
        if (rows.isEmpty()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"empty\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">None in this window</text>%n",
                    labelWidth + plotWidth / 2,
                    top + rowHeight / 2 + 4));
        }
        int axisY = top + Math.max(1, rows.size()) * rowHeight;
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>%n"
                        + "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                labelWidth,
                labelWidth + plotWidth,
                axisY,
                axisY,
                labelWidth + plotWidth / 2,
                axisY + 26,
                Html.escape(xLabel)));
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String ariaLabel, int height) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
                        + " aria-label=\"%s\">%n",
                WIDTH,
                height,
                Html.escape(ariaLabel)));
    }

    private static void legend(StringBuilder svg, List<Series> series, long[] totals, int x, int y) {
        int at = x;
        for (int s = 0; s < series.size(); s++) {
            if (totals[s] == 0) {
                continue;
            }
            String text = series.get(s).name() + " (" + totals[s] + ")";
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" rx=\"2\" fill=\"%s\"/>"
                            + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>%n",
                    at,
                    y - 10,
                    series.get(s).colour(),
                    at + 17,
                    y,
                    Html.escape(text)));
            at += 30 + text.length() * 7;
        }
    }

    private static long[] totals(long[][] values) {
        long[] totals = new long[values.length];
        for (int s = 0; s < values.length; s++) {
            for (long v : values[s]) {
                totals[s] += v;
            }
        }
        return totals;
    }

    private static long columnTotal(long[][] values, int bucket) {
        long total = 0;
        for (long[] series : values) {
            total += series[bucket];
        }
        return total;
    }

    /** A 1-2-5 step giving at most about five ticks up to {@code max}. */
    static long niceStep(long max) {
        if (max <= 5) {
            return 1;
        }
        double raw = max / 5.0;
        long magnitude = (long) Math.pow(10, Math.floor(Math.log10(raw)));
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (magnitude * factor >= raw) {
                return magnitude * factor;
            }
        }
        return magnitude * 10;
    }
}
