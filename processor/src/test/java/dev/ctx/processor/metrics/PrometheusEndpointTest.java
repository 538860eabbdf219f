package dev.ctx.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.ctx.processor.dlq.DeadLetterReason;

class PrometheusEndpointTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesTheProcessorMetricsInThePrometheusTextFormat() throws Exception {
        // Given
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerProcessorMetrics metrics = new MicrometerProcessorMetrics(registry);
        metrics.recordIn();
        metrics.encrypted();
        metrics.passedInClear();
        metrics.recordsOut("transactions.encrypted", 2);
        metrics.deadLetter(DeadLetterReason.NO_ACTIVE_KEY);
        metrics.sealLatency(Duration.ofMillis(3));

        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, "127.0.0.1", 0)) {
            // When
            HttpResponse<String> response = get(endpoint, "/metrics");

            // Then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(response.body())
                    .contains("ctx_processor_records_in_total 1.0")
                    .contains("ctx_processor_transactions_encrypted_total 1.0")
                    .contains("ctx_processor_transactions_clear_total 1.0")
                    .contains("ctx_processor_records_out_total{topic=\"transactions.encrypted\"} 2.0")
                    .contains("ctx_processor_dead_letters_total{reason=\"NO_ACTIVE_KEY\"} 1.0")
                    .contains("ctx_processor_dead_letters_total{reason=\"SEAL_FAILED\"} 0.0")
                    .contains("ctx_processor_seal_latency_seconds_bucket");
        }
    }

    @Test
    void refusesMethodsOtherThanGet() throws Exception {
        // Given
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, "127.0.0.1", 0)) {
            // When
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri(endpoint, "/metrics"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            // Then
            assertThat(response.statusCode()).isEqualTo(405);
        }
    }

    private HttpResponse<String> get(PrometheusEndpoint endpoint, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(endpoint, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(PrometheusEndpoint endpoint, String path) {
        return URI.create("http://127.0.0.1:" + endpoint.port() + path);
    }
}
