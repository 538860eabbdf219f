/**
 * Local opening for participants that hold their own keys (BYOK): a record of {@code transactions.encrypted} plus
 * its {@code transactions.envelopes} entry, opened with the participant's key file, without the key service.
 *
 * <p>Boundary: {@link dev.ctx.client.keyfile} for the key, {@link dev.ctx.client.open} for the crypto,
 * {@link dev.ctx.client.fields} for the answer; no network. What the audit log cannot see: a local open is not an
 * access event (see {@code docs/consumer-client.md}).
 */
package dev.ctx.client.local;
