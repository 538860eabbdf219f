/** Fuzz targets for the envelope, wrap and receipt byte layouts, with their committed corpora (RELIABILITY.md). */
package dev.ctx.envelope.fuzz;
