/**
 * Dead letters: the reason codes, the {@code DeadLetter} records written to {@code transactions.dlq} (coordinates, txn
 * id, reason and a detail naming ids, never values) and the Kafka Streams error handlers that route undecodable
 * records and unexpected processing failures there instead of stopping or passing anything in clear.
 */
package dev.ctx.processor.dlq;
