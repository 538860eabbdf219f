package dev.ctx.cli.audit;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A point in time on the command line: an ISO-8601 instant ({@code 2026-12-01T08:00:00Z}), a UTC date
 * ({@code 2026-12-01}, its start), or an ISO-8601 duration or period back from now ({@code PT6H}, {@code P7D},
 * {@code P1M}).
 */
public final class TimeArgument {

    private TimeArgument() {}

    /**
     * Parses {@code text} relative to {@code now}.
     *
     * @throws IllegalArgumentException when it is none of the accepted forms, or a negative duration
     */
    public static Instant parse(String text, Instant now) {
        String trimmed = text.trim();
        try {
            if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
                return back(trimmed.toUpperCase(Locale.ROOT), now);
            }
            if (trimmed.length() == 10) {
                return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(trimmed);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant (2026-12-01T08:00:00Z),"
                    + " date (2026-12-01) or duration back from now (PT6H, P7D)");
        }
    }

    /** {@code now} minus a duration, or minus a period in UTC calendar terms (P1M is one calendar month). */
    private static Instant back(String text, Instant now) {
        Instant then;
        try {
            then = now.minus(Duration.parse(text));
        } catch (DateTimeException e) {
            then = now.atZone(ZoneOffset.UTC).minus(Period.parse(text)).toInstant();
        }
        if (then.isAfter(now)) {
            throw new DateTimeException("negative");
        }
        return then;
    }
}
