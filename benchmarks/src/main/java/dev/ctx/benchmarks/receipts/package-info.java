/** JMH benchmarks of the receipts (issue 18): the per-transaction cost in the sealer and the on-demand proofs. */
package dev.ctx.benchmarks.receipts;
