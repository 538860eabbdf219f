/**
 * The ctx processor: Kafka Streams applications that turn plaintext transactions into encrypted transactions,
 * envelopes and access events. Feature packages: {@code config}, {@code topics}, {@code keys}, {@code encrypt},
 * {@code dlq}, {@code metrics}, {@code topology} and {@code app} (the {@code main}).
 */
package dev.ctx.processor;
