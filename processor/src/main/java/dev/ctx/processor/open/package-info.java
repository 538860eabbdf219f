/**
 * The consumer side: opening the sealed confidential fields of an {@code EncryptedTransaction} with one recipient's
 * private key and the transaction's {@code Envelope}, as the processor sealed them.
 */
package dev.ctx.processor.open;
