/** Fuzz target for the Confluent wire-format deserializer, with its committed corpus (RELIABILITY.md). */
package dev.ctx.schemas.serde.fuzz;
