/**
 * The Kafka-backed {@link dev.ctx.keyservice.participants.ParticipantStore}: compacted {@code participant-keys} (public
 * {@link dev.ctx.schemas.keys.ParticipantKeyring}, Confluent wire format) and {@code key-custody} (sealed keys,
 * {@link dev.ctx.keyservice.custody.CustodyRecordFormatV2}) are the source of truth and are replayed at startup; every
 * change commits in one Kafka transaction together with its {@link dev.ctx.schemas.access.AccessEvent} on
 * {@code access-log.events}.
 *
 * <p>One concern per class: {@link dev.ctx.keyservice.store.KafkaParticipantStore} wires the parts and implements the
 * store contract; {@link dev.ctx.keyservice.store.KeyTopicsSetup} checks and creates the topics with the shared
 * {@link dev.ctx.schemas.topics.TopicProvisioner} from {@link dev.ctx.keyservice.store.StoreTopics#specs()};
 * {@link dev.ctx.keyservice.store.TransactionalProducers} builds the transactional producer;
 * {@link dev.ctx.keyservice.store.StoreRecords} builds the records; {@link dev.ctx.keyservice.store.TransactionRunner}
 * commits them in one transaction and settles a failed one, as {@link dev.ctx.keyservice.store.KafkaErrors} classifies
 * it; {@link dev.ctx.keyservice.store.StoreHealth} says whether writes are accepted;
 * {@link dev.ctx.keyservice.store.StoreReplay} replays the topics, admitting only the keyrings
 * {@link dev.ctx.keyservice.store.KeyringSigning} accepts; after a write with an unknown outcome
 * {@link dev.ctx.keyservice.store.ProducerRecovery} recovers the store by itself on a
 * {@link dev.ctx.keyservice.store.RecoveryLoop} (a new producer with the same transactional id, then a read_committed
 * replay swapped in through {@link dev.ctx.keyservice.participants.RecoveryGate}).
 *
 * <p>Denied-request events take another path: {@link dev.ctx.keyservice.store.Denials}, a bounded queue drained into an
 * idempotent, non-transactional {@link dev.ctx.keyservice.store.DenialEventProducer}.
 */
package dev.ctx.keyservice.store;
