/**
 * Test support for external programs ({@link dev.ctx.testkit.tools.ExternalTool}): the settings that name them, the
 * probe that they run, and the skip-or-fail decision every tool-backed test shares. The envelope and schemas modules
 * cannot depend on testkit (testkit depends on them), so their Node and Python runners keep their own copy of these
 * conventions.
 */
package dev.ctx.testkit.tools;
