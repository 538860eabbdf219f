/**
 * Envelope commands: what the key service asks the single writer of {@code transactions.envelopes} (the processor's
 * rewrap topology) to do to one transaction's envelope, revoke one participant's wrap or crypto-shred the envelope,
 * on the topic {@code transactions.envelope-commands} ({@link dev.ctx.schemas.commands.EnvelopeCommandFormatV1},
 * {@code docs/revocation-and-shredding.md}).
 */
package dev.ctx.schemas.commands;
