/**
 * The encryption topology, built by one static function that {@code main} and the tests share, plus the Kafka
 * Streams properties and serdes it runs with. The only state is the global store over the public keyring topic, so
 * no changelog or repartition topic ever carries a transaction.
 */
package dev.ctx.processor.topology;
