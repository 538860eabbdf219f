/** {@code ctx consume}: prints what the processor committed to {@code transactions.encrypted}, as people read it. */
package dev.ctx.cli.consume;
