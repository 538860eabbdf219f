/** {@code ctx bench}: the end-to-end benchmark (pass-through baseline against the encryption topology). */
package dev.ctx.cli.bench;
