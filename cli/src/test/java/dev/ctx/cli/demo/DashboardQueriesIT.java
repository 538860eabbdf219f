package dev.ctx.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.cli.deploy.DeployFiles;
import dev.ctx.testkit.kafka.BrokerProperties;

/**
 * Every metric that a dashboard or alert rule in deploy/ queries is really exported: checked against a live scrape of
 * the processor and the key service of a running demo.
 */
class DashboardQueriesIT {

    @TempDir
    Path dir;

    @Test
    void everyQueriedMetricAppearsInALiveScrape() throws Exception {
        // Given a demo that has processed some transactions
        DemoStack stack = new DemoStack(dir, new DemoPorts(BrokerProperties.freeLoopbackPortPair(), 0, 0, 0));
        try (stack) {
            new DemoScript(new PrintWriter(new StringWriter()), stack, dir).run(200, 1000);

            // When
            String scrape = get("http://127.0.0.1:" + stack.metricsPort() + "/metrics", null)
                    + get(
                            stack.keyServiceUrl() + "/metrics",
                            stack.issueToken("scraper", "operator", Duration.ofMinutes(5)));
            Set<String> exported = scrape.lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .collect(Collectors.toCollection(TreeSet::new));

            // Then
            Set<String> queried = new TreeSet<>();
            DeployFiles.files("*.json")
                    .forEach(file -> DeployFiles.dashboardExpressions(DeployFiles.json(file))
                            .forEach(expression -> queried.addAll(DeployFiles.metricNames(expression))));
            DeployFiles.files("ctx-alerts.yaml")
                    .forEach(file -> DeployFiles.yamlDocuments(file)
                            .forEach(rule -> DeployFiles.ruleExpressions(rule)
                                    .forEach(expression -> queried.addAll(DeployFiles.metricNames(expression)))));
            assertThat(queried).isNotEmpty().containsAll(DeployFiles.AUDIT_METRICS_NOT_IN_THE_DEMO);
            queried.removeAll(DeployFiles.AUDIT_METRICS_NOT_IN_THE_DEMO);
            assertThat(exported).containsAll(queried);
        }
    }

    private static String get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body() + "\n";
    }
}
