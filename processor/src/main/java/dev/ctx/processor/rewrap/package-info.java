/**
 * The rewrap (rotation) topology: an index of {@code transactions.envelopes} by (participant, key version), a watch on
 * the verified keyrings of {@code participant-keys}, and a punctuator that sends bounded batches of envelopes still
 * wrapped under an old key version to the key service's {@code POST /v1/rewrap} and writes the next envelope
 * generation with a {@code REWRAPPED} access event in the same Kafka transaction (docs/rewrap-topology.md).
 */
package dev.ctx.processor.rewrap;
