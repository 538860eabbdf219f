/**
 * The library's exception tree, rooted at {@link dev.ctx.envelope.error.EnvelopeException} (unchecked).
 *
 * <p>Boundary: messages name what failed (layout, recipient id, key version, transaction id) and never contain key
 * bytes or plaintext. Depends on nothing else in the library.
 */
package dev.ctx.envelope.error;
