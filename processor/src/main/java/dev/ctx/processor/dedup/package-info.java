/**
 * Transaction-id deduplication in front of the encryption step. A persistent, changelogged key-value store keyed by
 * transaction id remembers the digest of the first accepted record of each id ({@link TransactionDigest}) and the seal
 * id it was sealed under. A repeated id with the same digest is dropped without output (counted as
 * {@code ctx_processor_duplicates_dropped_total}); a repeated id with another digest goes to the dead-letter topic as
 * {@code DUPLICATE_TRANSACTION_ID} and never reaches the sealer, so it can neither replace nor shred the envelope on
 * the compacted {@code transactions.envelopes} topic. Store layout: {@code docs/dedup-store.md}.
 */
package dev.ctx.processor.dedup;
