/**
 * The encryption step: selects the fields the Transaction schema marks {@code "ctx.confidential": true}, projects them
 * into one Avro record, seals it with the envelope library for the resolved recipients, and maps the result to the
 * {@code EncryptedTransaction}, {@code Envelope} and {@code ENCRYPTED} {@code AccessEvent} of one input. Plaintext of a
 * confidential field leaves this package only inside the envelope library's ciphertext.
 */
package dev.ctx.processor.encrypt;
