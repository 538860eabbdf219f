/**
 * Revocation of one participant's access to one transaction and crypto-shredding: the key service checks the request
 * against its lookup view and records an {@link dev.ctx.schemas.commands.EnvelopeCommand} on
 * {@code transactions.envelope-commands} in the same Kafka transaction as its access event; the processor's rewrap
 * topology, the single writer of {@code transactions.envelopes}, applies it (docs/revocation-and-shredding.md).
 */
package dev.ctx.keyservice.revocation;
