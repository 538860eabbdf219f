/**
 * Not API: per-thread JDK primitives ({@code Mac} HmacSHA256, {@code Cipher} AES/GCM/NoPadding), byte helpers, the
 * public-key fingerprint.
 *
 * <p>Boundary: used by every other package of the library, depends on none of them except
 * {@link dev.ctx.envelope.error}. Other modules must not import it; it may change without notice.
 */
package dev.ctx.envelope.internal;
