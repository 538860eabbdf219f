package dev.ctx.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrantedEventIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"transactionId\":\"t-1\",\"eventId\":\"5d0c-1\",\"fields\":{}}|5d0c-1",
                "{\"eventId\" : \"e-2\"}|e-2",
                "{\"eventId\":\"\"}|''",
            })
    void theEventIdOfAGrantedAnswerIsRead(String body, String expected) {
        // When
        Optional<String> id = GrantedEventIds.of(body);
        // Then
        assertThat(id).hasValue(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"transactionId\":\"t-1\"}",
                "{\"eventId\":42}",
                "{\"eventId\":\"unterminated}",
                "{\"eventId\"",
            })
    void anAnswerWithoutAnEventIdNamesNone(String body) {
        // When
        Optional<String> id = GrantedEventIds.of(body);
        // Then
        assertThat(id).isEmpty();
    }
}
