/**
 * Checks on a module's built production artifact ({@code target/<name>.jar} plus {@code target/lib/}, what the
 * Docker image copies): which jars its runtime classpath holds, and running it as {@code java -jar} would.
 */
package dev.ctx.testkit.artifact;
