/**
 * The schema evolution gate: committed snapshots under {@code schema-history/} and the BACKWARD rule (EVOLUTION.md).
 */
package dev.ctx.schemas.evolution;
