/**
 * Lookup of encrypted transactions by id: a Kafka Streams view inside the key service that joins
 * {@code transactions.encrypted} with the newest generation in {@code transactions.envelopes}, so an access request
 * names only a transaction id.
 */
package dev.ctx.keyservice.lookup;
