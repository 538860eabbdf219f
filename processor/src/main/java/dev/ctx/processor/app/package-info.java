/**
 * The runnable processor: {@code ProcessorMain} parses {@code --config FILE}, and {@code ProcessorApplication} runs
 * the startup sequence (crypto self-check, topics, topology, Kafka Streams, Prometheus endpoint) and the shutdown.
 */
package dev.ctx.processor.app;
