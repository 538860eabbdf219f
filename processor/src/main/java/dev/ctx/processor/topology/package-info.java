/**
 * The encryption topology, built by one static function that {@code main} and the tests share, plus the Kafka
 * Streams properties and serdes it runs with. The state is the global store over the public keyring topic and the
 * transaction-id deduplication store, whose changelog carries ids, digests and seal ids but never a field value; there
 * is no repartition topic.
 */
package dev.ctx.processor.topology;
