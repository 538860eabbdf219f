/**
 * The Kafka-backed {@link dev.ctx.keyservice.registry.StateStore}: compacted {@code participant-keys} (public
 * {@link dev.ctx.schemas.keys.ParticipantKeyring}, Confluent wire format) and {@code key-custody} (sealed keys,
 * {@link dev.ctx.keyservice.custody.CustodyRecordFormatV1}) are the source of truth and are replayed at startup; every
 * change commits in one Kafka transaction together with its {@link dev.ctx.schemas.access.AccessEvent} on
 * {@code access-log.events}. After a write with an unknown outcome the store recovers by itself (a new producer with the
 * same transactional id, then a read_committed replay swapped in through {@link dev.ctx.keyservice.registry.RecoveryGate}).
 * Denied-request events take another path: {@link dev.ctx.keyservice.store.Denials}, a bounded queue drained into an
 * idempotent, non-transactional {@link dev.ctx.keyservice.store.DenialEventProducer}. Topics are checked and created by
 * the shared {@link dev.ctx.schemas.topics.TopicProvisioner} from {@link dev.ctx.keyservice.store.StoreTopics#specs()}.
 */
package dev.ctx.keyservice.store;
