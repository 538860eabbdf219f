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
                return now.minus(amount(trimmed.toUpperCase(Locale.ROOT)));
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

    private static Duration amount(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeException e) {
            Period period = Period.parse(text);
            Instant epoch = Instant.EPOCH;
            duration =
                    Duration.between(epoch.atZone(ZoneOffset.UTC).minus(period).toInstant(), epoch);
        }
        if (duration.isNegative()) {
            throw new DateTimeException("negative");
        }
        return duration;
    }
}
