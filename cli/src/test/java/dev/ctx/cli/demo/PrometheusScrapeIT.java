package dev.ctx.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.cli.deploy.DeployFiles;
import dev.ctx.cli.deploy.PrometheusTools;
import dev.ctx.testkit.kafka.BrokerProperties;

/**
 * A real Prometheus scrapes the demo stack (processor and key service, in process) and loads the alert rules; then
 * every PromQL expression of the Grafana dashboards and the alert rules is evaluated through its HTTP API. Skipped
 * without the {@code prometheus} binary (see {@link PrometheusTools}).
 *
 * <p>The rule for "returns data", since error and denial expressions are rightly empty on a healthy run:
 * <ul>
 *   <li>every expression evaluates without error, every alert rule reports health {@code ok}, and none is pending
 *       or firing;</li>
 *   <li>every metric selector's metric returns series, and carries every label its matchers name (the matched values,
 *       such as {@code outcome="server_error"}, may be absent);</li>
 *   <li>every dashboard expression without label matchers returns data itself (alert expressions compare against a
 *       threshold and are empty when all is well).</li>
 * </ul>
 */
class PrometheusScrapeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LABEL_VALUE = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final Pattern SELECTOR = Pattern.compile(
            "\\b((?:ctx|kafka|keysvc|jvm|process)_[a-zA-Z0-9_]+)(\\{(?:[^}\"]|" + LABEL_VALUE + ")*\\})?");
    private static final Pattern MATCHER =
            Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*" + LABEL_VALUE);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private String prometheusUrl;

    @Test
    void everyDashboardAndAlertExpressionEvaluatesAgainstARealPrometheusScrapingTheDemo() throws Exception {
        // Given a real Prometheus scraping a demo that has processed some transactions
        String prometheus = PrometheusTools.prometheus();
        DemoStack stack = new DemoStack(dir, new DemoPorts(BrokerProperties.freeLoopbackPortPair(), 0, 0, 0));
        try (stack) {
            new DemoScript(new PrintWriter(new StringWriter()), stack, dir).run(200, 1000);
            Process server = startPrometheus(prometheus, stack);
            try {
                awaitScrapes(server);

                // When
                List<String> dashboard = new ArrayList<>();
                DeployFiles.files("*.json")
                        .forEach(file -> dashboard.addAll(DeployFiles.dashboardExpressions(DeployFiles.json(file))));
                List<String> alerts = DeployFiles.ruleExpressions(
                        DeployFiles.yamlDocuments(alertsFile()).get(0));

                // Then
                SoftAssertions softly = new SoftAssertions();
                assertThat(dashboard).isNotEmpty();
                assertThat(alerts).isNotEmpty();
                for (String expression : dashboard) {
                    JsonNode result = checkEvaluates(softly, expression);
                    boolean exported = DeployFiles.metricNames(expression).stream()
                            .noneMatch(DeployFiles.AUDIT_METRICS_NOT_IN_THE_DEMO::contains);
                    if (result != null && !expression.contains("{") && exported) {
                        softly.assertThat(result)
                                .as("dashboard expression returns data: %s", expression)
                                .isNotEmpty();
                    }
                }
                for (String expression : alerts) {
                    checkEvaluates(softly, expression);
                }
                awaitRuleEvaluations()
                        .forEach(rule -> softly.assertThat(rule.path("health").asText())
                                .as(
                                        "alert %s: %s",
                                        rule.path("name").asText(),
                                        rule.path("lastError").asText())
                                .isEqualTo("ok"));
                List<String> active = new ArrayList<>();
                get("/api/v1/alerts")
                        .path("data")
                        .path("alerts")
                        .forEach(alert -> active.add(
                                alert.path("labels").path("alertname").asText()));
                active.removeAll(DeployFiles.ALERTS_PENDING_WITHOUT_A_VERIFIER);
                softly.assertThat(active)
                        .as("no alert is pending or firing on the healthy demo")
                        .isEmpty();
                softly.assertAll();
            } finally {
                stop(server);
            }
        }
    }

    /** Evaluates the expression and its selectors; returns its result vector, or null when it failed. */
    private JsonNode checkEvaluates(SoftAssertions softly, String expression) throws Exception {
        JsonNode answer = query(expression);
        softly.assertThat(answer.path("status").asText())
                .as("%s evaluates: %s", expression, answer.path("error").asText())
                .isEqualTo("success");
        Matcher selector = SELECTOR.matcher(expression);
        while (selector.find()) {
            String metric = selector.group(1);
            if (DeployFiles.AUDIT_METRICS_NOT_IN_THE_DEMO.contains(metric)) {
                continue;
            }
            softly.assertThat(result(query(metric)))
                    .as("%s (of %s) returns series", metric, expression)
                    .isNotEmpty();
            Matcher matcher = MATCHER.matcher(selector.group(2) == null ? "" : selector.group(2));
            while (matcher.find()) {
                String label = matcher.group(1);
                softly.assertThat(result(query(metric + "{" + label + "!=\"\"}")))
                        .as("%s has label %s (matched in %s)", metric, label, expression)
                        .isNotEmpty();
            }
        }
        return "success".equals(answer.path("status").asText()) ? result(answer) : null;
    }

    private static JsonNode result(JsonNode answer) {
        return answer.path("data").path("result");
    }

    private Process startPrometheus(String prometheus, DemoStack stack) throws IOException {
        Files.writeString(
                dir.resolve("ctx-alerts.rules.yaml"),
                DeployFiles.yamlText(
                        DeployFiles.yamlDocuments(alertsFile()).get(0).path("spec")));
        URI keyService = URI.create(stack.keyServiceUrl());
        String token = stack.issueToken("prometheus", "operator", Duration.ofMinutes(30));
        Files.writeString(
                dir.resolve("prometheus.yml"),
                String.join(
                        "\n",
                        "global:",
                        "  scrape_interval: 1s",
                        "  evaluation_interval: 1s",
                        "rule_files:",
                        "  - ctx-alerts.rules.yaml",
                        "scrape_configs:",
                        "  - job_name: ctx-processor",
                        "    static_configs: [{targets: ['127.0.0.1:" + stack.metricsPort() + "']}]",
                        "  - job_name: ctx-key-service",
                        "    authorization: {credentials: '" + token + "'}",
                        "    static_configs: [{targets: ['" + keyService.getHost() + ":" + keyService.getPort()
                                + "']}]",
                        ""));
        int port = BrokerProperties.freeLoopbackPort();
        prometheusUrl = "http://127.0.0.1:" + port;
        return PrometheusTools.start(
                dir,
                dir.resolve("prometheus.log"),
                List.of(
                        prometheus,
                        "--config.file=prometheus.yml",
                        "--storage.tsdb.path=" + dir.resolve("tsdb"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=warn"));
    }

    /** Waits until both targets are up and each was scraped at least three times (so that rate() has data). */
    private void awaitScrapes(Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as(() -> "prometheus exited: " + log()).isTrue();
            try {
                JsonNode scrapes =
                        result(query("min(sum_over_time(up{job=~\"ctx-.*\"}[5m])) and on() count(up == 1) == 2"));
                if (!scrapes.isEmpty() && scrapes.get(0).path("value").get(1).asDouble() >= 3) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("prometheus did not scrape both targets three times: " + query("up") + "\n" + log());
    }

    /** The alert rules, once each has been evaluated. */
    private List<JsonNode> awaitRuleEvaluations() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<JsonNode> rules = new ArrayList<>();
            get("/api/v1/rules")
                    .path("data")
                    .path("groups")
                    .forEach(group -> group.path("rules").forEach(rules::add));
            boolean evaluated = !rules.isEmpty()
                    && rules.stream()
                            .noneMatch(rule ->
                                    rule.path("lastEvaluation").asText("").startsWith("0001-"));
            if (evaluated || System.nanoTime() > deadline) {
                assertThat(rules)
                        .as("alert rules loaded by prometheus")
                        .hasSize(DeployFiles.ruleExpressions(
                                        DeployFiles.yamlDocuments(alertsFile()).get(0))
                                .size());
                return rules;
            }
            Thread.sleep(500);
        }
    }

    private JsonNode query(String expression) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(prometheusUrl + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        return JSON.readTree(
                http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static Path alertsFile() {
        return DeployFiles.ROOT.resolve("prometheus").resolve("ctx-alerts.yaml");
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(15, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
