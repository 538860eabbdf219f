/**
 * The processor's validated configuration: every key is declared once in a Kafka {@code ConfigDef} with its type,
 * default, validator and documentation, and is loaded from a properties file overridden by {@code CTX_*} environment
 * variables. An invalid or unknown value stops startup with a message naming the key.
 */
package dev.ctx.processor.config;
