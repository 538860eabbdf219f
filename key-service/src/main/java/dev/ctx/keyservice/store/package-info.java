/**
 * The Kafka-backed {@link dev.ctx.keyservice.registry.StateStore}: compacted {@code participant-keys} (public
 * {@link dev.ctx.schemas.keys.ParticipantKeyring}, Confluent wire format) and {@code key-custody} (sealed keys,
 * {@link dev.ctx.keyservice.custody.CustodyRecordFormatV1}) are the source of truth and are replayed at startup; every
 * change commits in one Kafka transaction together with its {@link dev.ctx.schemas.access.AccessEvent} on
 * {@code access-log.events}. After a write with an unknown outcome the store recovers by itself (a new producer with the
 * same transactional id, then a read_committed replay swapped in through {@link dev.ctx.keyservice.registry.RecoveryGate}).
 */
package dev.ctx.keyservice.store;
