/**
 * The processor's metrics: an interface the topology records outcomes through, its Micrometer implementation, and
 * the Prometheus scrape endpoint (JDK {@code HttpServer}, {@code GET /metrics}) that also carries the Kafka Streams
 * client metrics.
 */
package dev.ctx.processor.metrics;
