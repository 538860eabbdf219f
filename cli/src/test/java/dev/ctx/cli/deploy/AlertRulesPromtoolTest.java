package dev.ctx.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The alert rules of deploy/prometheus/ctx-alerts.yaml checked by the real {@code promtool}: they pass
 * {@code promtool check rules}, and the unit tests in deploy/prometheus/tests/ pass {@code promtool test rules}. The
 * PrometheusRule's {@code spec} is the plain rule file promtool reads; it is written to
 * {@code target/promtool/ctx-alerts.rules.yaml} with copies of the unit tests in {@code target/promtool/tests/}.
 * Skipped without promtool (see {@link PrometheusTools}).
 */
class AlertRulesPromtoolTest {

    private static final Path ALERTS = DeployFiles.ROOT.resolve("prometheus").resolve("ctx-alerts.yaml");
    private static final Path UNIT_TESTS =
            DeployFiles.ROOT.resolve("prometheus").resolve("tests");
    private static final Path WORK = Path.of("target", "promtool");

    @BeforeAll
    static void writeThePlainRuleFileAndCopyTheUnitTests() throws IOException {
        Files.createDirectories(WORK.resolve("tests"));
        Files.writeString(WORK.resolve("ctx-alerts.rules.yaml"), DeployFiles.yamlText(rule().path("spec")));
        for (Path test : unitTests()) {
            Files.copy(test, WORK.resolve("tests").resolve(test.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void theAlertRulesPassPromtoolCheckRules() throws Exception {
        // Given
        String promtool = PrometheusTools.promtool();

        // When
        PrometheusTools.Result result =
                PrometheusTools.run(WORK, 60, promtool, "check", "rules", "ctx-alerts.rules.yaml");

        // Then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + alertNames().size() + " rules found");
    }

    @Test
    void theAlertRuleUnitTestsPassPromtoolTestRules() throws Exception {
        // Given
        String promtool = PrometheusTools.promtool();
        List<String> command = new ArrayList<>(List.of(promtool, "test", "rules"));
        unitTests().forEach(test -> command.add(test.getFileName().toString()));

        // When
        PrometheusTools.Result result = PrometheusTools.run(WORK.resolve("tests"), 120, command.toArray(String[]::new));

        // Then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasAUnitTestWhereItFiresAndOneWhereItStaysQuiet() {
        // Given
        Set<String> fires = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();

        // When
        unitTests()
                .forEach(file -> DeployFiles.yamlDocuments(file)
                        .get(0)
                        .path("tests")
                        .forEach(test -> test.path("alert_rule_test")
                                .forEach(check -> (check.path("exp_alerts").isEmpty() ? quiet : fires)
                                        .add(check.path("alertname").asText()))));

        // Then
        assertThat(fires).as("alerts with a firing case").containsAll(alertNames());
        assertThat(quiet).as("alerts with a quiet case").containsAll(alertNames());
        assertThat(unitTests())
                .allSatisfy(file -> assertThat(DeployFiles.yamlDocuments(file)
                                .get(0)
                                .path("rule_files")
                                .get(0)
                                .asText())
                        .isEqualTo("../ctx-alerts.rules.yaml"));
    }

    private static JsonNode rule() {
        return DeployFiles.yamlDocuments(ALERTS).get(0);
    }

    private static Set<String> alertNames() {
        Set<String> names = new TreeSet<>();
        rule().path("spec")
                .path("groups")
                .forEach(group -> group.path("rules")
                        .forEach(r -> names.add(r.path("alert").asText())));
        return names;
    }

    private static List<Path> unitTests() {
        List<Path> tests = DeployFiles.files("*.yaml").stream()
                .filter(path -> path.startsWith(UNIT_TESTS))
                .toList();
        assertThat(tests).as("unit tests in " + UNIT_TESTS).isNotEmpty();
        return tests;
    }
}
