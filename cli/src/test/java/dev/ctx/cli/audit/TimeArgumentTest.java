package dev.ctx.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeArgumentTest {

    private static final Instant NOW = Instant.parse("2026-12-08T12:30:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-12-01T08:00:00Z, 2026-12-01T08:00:00Z",
        "2026-12-01T08:00:00.250Z, 2026-12-01T08:00:00.250Z",
        "2026-12-01, 2026-12-01T00:00:00Z",
        "P7D, 2026-12-01T12:30:00Z",
        "PT6H, 2026-12-08T06:30:00Z",
        "pt30m, 2026-12-08T12:00:00Z",
        "P1W, 2026-12-01T12:30:00Z",
        "P1M, 2026-11-08T12:30:00Z"
    })
    void acceptsInstantsDatesAndDurationsBackFromNow(String text, String expected) {
        // When
        Instant parsed = TimeArgument.parse(text, NOW);

        // Then
        assertThat(parsed).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "P", "P-7D", "PT-1H", "12:00", ""})
    void rejectsAnythingElseWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> TimeArgument.parse(text, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601");
    }
}
