/**
 * The leak scan: after a run, every topic, state directory and captured log is searched for planted confidential
 * values and secret bytes ({@link dev.ctx.testkit.leaks.LeakScanner}).
 */
package dev.ctx.testkit.leaks;
