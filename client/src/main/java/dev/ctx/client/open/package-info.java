/**
 * The consumer side: opening the sealed confidential fields of an {@code EncryptedTransaction} with one recipient's
 * private key and the transaction's {@code Envelope}, as the processor sealed them.
 *
 * <p>Boundary: the envelope library and the schemas only; where the key comes from is the caller's business
 * ({@link dev.ctx.client.local} for a participant's own key file).
 */
package dev.ctx.client.open;
