/**
 * {@code ctx access}: one access request through the key service's read API ({@code ctx-client}'s
 * {@code AccessClient}), its answer printed as JSON, and the exit code of each error class.
 */
package dev.ctx.cli.access;
