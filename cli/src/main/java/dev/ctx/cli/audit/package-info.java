/**
 * {@code ctx audit}: the hash-chained access log for compliance. {@code verify} recomputes every chain and checks
 * every checkpoint (from a broker or an export file, optionally writing an export), {@code prove} prints the
 * inclusion proof of one event under a signed checkpoint and {@code verify-proof} checks one offline. The checks are
 * the client library's ({@link dev.ctx.client.auditlog}); this package parses options and prints.
 * {@code search} prints matching entries as a table or JSON Lines; {@code report} writes one self-contained HTML
 * report with inline SVG charts and the chain status ({@code docs/audit-reports.md}); entries come from an
 * {@link dev.ctx.cli.audit.AuditLogSource}, the chain status from a {@link dev.ctx.cli.audit.ChainStatusSource}.
 */
package dev.ctx.cli.audit;
