/** {@code ctx keys}: participant and key lifecycle through the key service's HTTP API. */
package dev.ctx.cli.keys;
