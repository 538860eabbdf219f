/** {@code ctx produce}: writes generated transactions to the {@code transactions} topic. */
package dev.ctx.cli.produce;
