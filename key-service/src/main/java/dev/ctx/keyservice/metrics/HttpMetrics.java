package dev.ctx.keyservice.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code keysvc_http_requests_seconds{method,route,status,outcome}}: count, sum, max and histogram buckets of request
 * latency, by route template (never the raw path, so ids don't become labels). Thread-safe.
 */
public final class HttpMetrics {

    private final PrometheusMeterRegistry registry;

    public HttpMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public static HttpMetrics create() {
        return new HttpMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public void record(String method, String route, int status, long nanos) {
        Timer.builder("keysvc.http.requests")
                .description("HTTP requests to the key service")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String outcome(int status) {
        if (status < 400) {
            return "success";
        }
        return status < 500 ? "client_error" : "server_error";
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
