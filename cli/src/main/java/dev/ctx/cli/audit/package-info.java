/**
 * {@code ctx audit}: the hash-chained access log for compliance. {@code verify} recomputes every chain and checks
 * every checkpoint (from a broker or an export file, optionally writing an export), {@code prove} prints the
 * inclusion proof of one event under a signed checkpoint and {@code verify-proof} checks one offline. The checks are
 * the client library's ({@link dev.ctx.client.auditlog}); this package parses options and prints.
 */
package dev.ctx.cli.audit;
