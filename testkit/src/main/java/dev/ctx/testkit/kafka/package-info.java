/**
 * Kafka brokers for tests and local runs. {@link dev.ctx.testkit.kafka.EmbeddedKafkaBroker} runs broker and controller
 * in this JVM; {@link dev.ctx.testkit.kafka.ForkedKafkaBroker} runs them in a child JVM for crash tests;
 * {@link dev.ctx.testkit.kafka.SharedKafka} hands one broker to every test of a JVM. Every listener binds 127.0.0.1
 * only.
 */
package dev.ctx.testkit.kafka;
