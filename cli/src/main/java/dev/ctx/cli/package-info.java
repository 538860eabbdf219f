/**
 * {@code bin/ctx}: the command line of ctx. One sub-package per command family; {@link dev.ctx.cli.Ctx} is the root.
 */
package dev.ctx.cli;
