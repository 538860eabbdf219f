package dev.ctx.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatencyLogTest {

    @Test
    void logsOfSeveralThreadsMergeIntoOnePercentileSet() {
        // Given: 1..100000 spread over three logs, past the initial capacity
        List<LatencyLog> logs = List.of(new LatencyLog(), new LatencyLog(), new LatencyLog());
        for (int value = 1; value <= 100_000; value++) {
            logs.get(value % 3).add(value);
        }
        // When
        Percentiles merged = LatencyLog.merged(logs);
        // Then
        assertThat(merged.samples()).isEqualTo(100_000);
        assertThat(merged.p50()).isEqualTo(50_000);
        assertThat(merged.p99()).isEqualTo(99_000);
        assertThat(merged.p999()).isEqualTo(99_900);
        assertThat(merged.max()).isEqualTo(100_000);
    }

    @Test
    void noValuesGiveEmptyPercentiles() {
        // When
        Percentiles merged = LatencyLog.merged(List.of(new LatencyLog()));
        // Then
        assertThat(merged.samples()).isZero();
    }
}
