/**
 * Schema registry clients speaking the Confluent REST API.
 *
 * <p>Boundary: this package knows schemas, subjects, ids and versions; it knows nothing of Kafka records or of the wire
 * format (that is {@code dev.ctx.schemas.serde}). {@link dev.ctx.schemas.schemaregistry.SchemaRegistryClient} is the
 * one interface; {@link dev.ctx.schemas.schemaregistry.HttpSchemaRegistryClient} talks to a registry over HTTP(S) with
 * retry, {@link dev.ctx.schemas.schemaregistry.CachingSchemaRegistryClient} decorates any client with bounded caches.
 * Build a client from Confluent-style configuration with
 * {@link dev.ctx.schemas.schemaregistry.SchemaRegistryClients#fromConfig}.
 *
 * <p>{@code mock://<scope>} URLs name in-process registries
 * ({@link dev.ctx.schemas.schemaregistry.InProcessSchemaRegistries}). Their implementation
 * ({@code InMemorySchemaRegistry}, {@code MockSchemaRegistry}) is test support: it lives in this module's test sources,
 * ships as the {@code ctx-schemas} test fixtures jar through {@code ctx-testkit}, and is absent from the production
 * artifacts, where a {@code mock://} URL fails; the production mains refuse it up front
 * ({@link dev.ctx.schemas.schemaregistry.MockRegistryOptIn}).
 *
 * <p>Credentials are never logged and never appear in {@code toString()} or exception messages.
 */
package dev.ctx.schemas.schemaregistry;
