/**
 * {@code ctx escrow}: the audit-escrow workflow for auditors and compliance officers over the key service's
 * {@code /v1/escrow/requests} API (file, list, show, approve, reject, withdraw, open). The key service checks and
 * audits every call; the CLI only builds the requests and prints the answers (a table, or the JSON with
 * {@code --json}). docs/escrow.md.
 */
package dev.ctx.cli.escrow;
