package dev.ctx.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessReportTest {

    @ParameterizedTest(name = "{0}/s at p99 {1} us -> met {2}")
    @CsvSource({"5000, 20000, true", "4999, 1000, false", "9000, 20001, false"})
    void theTargetNeedsBothTheRateAndTheP99(double perSecond, long p99Micros, boolean met) {
        // Given
        AccessReport report = report(result("baseline", 10_000, 1_000), result("access", perSecond, p99Micros));
        // When / Then
        assertThat(report.targetMet()).isEqualTo(met);
        assertThat(report.ratio(0)).isEqualTo(perSecond / 10_000);
        assertThat(report.table()).contains(met ? ": met" : ": NOT met");
    }

    private static AccessReport report(LoadResult... results) {
        return new AccessReport(
                "test",
                "2 cores",
                AccessLoadSettings.defaults(Path.of("results"), Path.of("work")),
                "0.5 0.5 0.5",
                List.of(results),
                new GrantedEventCheck(3, 3, 3, 3, 0));
    }

    private static LoadResult result(String variant, double perSecond, long p99Micros) {
        return new LoadResult(
                variant,
                "GET /",
                64,
                20,
                (long) (perSecond * 20),
                perSecond,
                new Percentiles(p99Micros / 2, p99Micros, p99Micros, p99Micros, 100),
                Map.of(200, 100L),
                100,
                "0.5 0.5 0.5");
    }
}
