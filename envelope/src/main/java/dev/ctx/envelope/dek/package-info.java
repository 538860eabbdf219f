/**
 * The data-encryption key handle: {@link dev.ctx.envelope.dek.Dek}, a destroyable 256-bit AES key with an encryption
 * budget.
 *
 * <p>Boundary: DEK bytes live only here. Callers get encryption/decryption capabilities and, for HPKE wrapping only,
 * a loudly named scoped access. Depends on {@code internal} (JDK AES-GCM) and {@code error}.
 */
package dev.ctx.envelope.dek;
