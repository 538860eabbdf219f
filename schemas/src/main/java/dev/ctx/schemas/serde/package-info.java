/**
 * The Confluent wire format for Avro SpecificRecords as a Kafka {@link org.apache.kafka.common.serialization.Serde}.
 *
 * <p>Boundary: byte layout and Avro encoding/decoding of whole Kafka record keys and values. Schema ids come from
 * {@code dev.ctx.schemas.schemaregistry}; nothing here knows about encryption. Layout ({@link
 * dev.ctx.schemas.serde.ConfluentWireFormat}): byte 0 is the magic {@code 0x00}, bytes 1 to 4 the schema id as a
 * big-endian int32, then the Avro binary encoding of the record (no container, no fingerprint). Subjects follow
 * Confluent's TopicNameStrategy: {@code <topic>-key} and {@code <topic>-value}.
 *
 * <p>Fail closed: every malformed input raises a subclass of {@link dev.ctx.schemas.serde.AvroSerdeException} (a
 * Kafka {@link org.apache.kafka.common.errors.SerializationException}) naming the topic and the cause; payload bytes
 * and field values never appear in messages. A deserializer built with a {@link
 * dev.ctx.schemas.serde.WriterSchemaAllowList} also refuses, before reading the body, every writer schema whose
 * {@link dev.ctx.schemas.serde.WriterSchemaFingerprint} is not listed ({@code docs/writer-schema-fingerprint.md}).
 */
package dev.ctx.schemas.serde;
