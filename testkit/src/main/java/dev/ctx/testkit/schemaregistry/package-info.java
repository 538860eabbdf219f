/**
 * A Confluent-compatible schema registry server on loopback for cross-process and cross-language tests.
 *
 * <p>Boundary: HTTP only. {@link dev.ctx.testkit.schemaregistry.SchemaRegistryServer} serves the Confluent REST subset
 * (plus the two Apicurio v3 id lookups its deserializer uses) over the JDK {@code HttpServer}, backed by
 * {@link dev.ctx.schemas.schemaregistry.InMemorySchemaRegistry}, which owns all registry semantics. Not for production:
 * state lives in memory, and it binds to 127.0.0.1 only.
 */
package dev.ctx.testkit.schemaregistry;
