/**
 * Generated sample data: transactions with a configurable mix of confidential and clear records, for tests, the demo
 * and the benchmarks. Deterministic for a given seed.
 */
package dev.ctx.testkit.data;
