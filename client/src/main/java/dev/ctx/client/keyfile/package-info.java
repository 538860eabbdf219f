/**
 * A participant's own X25519 private key file (BYOK), format {@code ctx-x25519-private-key/v1}: a small JSON object
 * written with owner-only POSIX permissions ({@code rw-------}). Field by field: {@code docs/participant-key-file.md}.
 *
 * <p>Boundary: this package reads and writes the file and hands out key handles; the private key never appears in a
 * message, a log or {@code toString()}. Depends on the envelope library's key handles and Jackson.
 */
package dev.ctx.client.keyfile;
