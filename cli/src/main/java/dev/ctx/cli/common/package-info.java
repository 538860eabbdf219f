/** What every command shares: exit codes, error reporting, the local state directory. */
package dev.ctx.cli.common;
