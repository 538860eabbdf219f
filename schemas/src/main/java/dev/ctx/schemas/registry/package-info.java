/**
 * Schema registry clients speaking the Confluent REST API.
 *
 * <p>Boundary: this package knows schemas, subjects, ids and versions; it knows nothing of Kafka records or of the wire
 * format (that is {@code dev.ctx.schemas.serde}). {@link dev.ctx.schemas.registry.SchemaRegistryClient} is the one
 * interface; {@link dev.ctx.schemas.registry.HttpSchemaRegistryClient} talks to a registry over HTTP(S) with retry,
 * {@link dev.ctx.schemas.registry.CachingSchemaRegistryClient} decorates any client with bounded caches, and
 * {@link dev.ctx.schemas.registry.InMemorySchemaRegistry} is a complete in-process registry used for {@code mock://}
 * URLs (see {@link dev.ctx.schemas.registry.MockSchemaRegistry}) and behind the test registry server. Build a client
 * from Confluent-style configuration with {@link dev.ctx.schemas.registry.SchemaRegistryClients#fromConfig}.
 *
 * <p>Credentials are never logged and never appear in {@code toString()} or exception messages.
 */
package dev.ctx.schemas.registry;
