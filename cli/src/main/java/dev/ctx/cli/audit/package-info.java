/**
 * {@code ctx audit}: compliance queries over the sealed access log {@code access-log}
 * ({@code docs/access-log-chain.md}). {@code search} prints matching entries as a table or JSON Lines; {@code report}
 * writes one self-contained HTML report with inline SVG charts and the chain status ({@code docs/audit-reports.md}).
 * Entries come from an {@link dev.ctx.cli.audit.AuditLogSource} (the broker today, the verifier's export file later);
 * the chain status from a {@link dev.ctx.cli.audit.ChainStatusSource}.
 */
package dev.ctx.cli.audit;
