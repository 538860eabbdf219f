/** Prometheus metrics of the key service (Micrometer): HTTP requests by route and outcome, latency. */
package dev.ctx.keyservice.metrics;
