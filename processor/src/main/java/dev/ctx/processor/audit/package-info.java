/**
 * The access-log sealer (docs/audit-sealer.md): a Kafka Streams topology that chains every event of an
 * {@code access-log.events} partition into the {@code access-log} partition with the same number (format v1,
 * {@code dev.ctx.schemas.auditlog}), and regularly has the chain head signed by the key service into
 * {@code access-log.checkpoints}. The chain head, the Merkle state since the last checkpoint and a bounded window of
 * sealed event ids live in changelogged stores and advance with the output under {@code exactly_once_v2}. A
 * checkpoint is only ever written signed; while the key service is away the sealer keeps chaining and retries.
 */
package dev.ctx.processor.audit;
