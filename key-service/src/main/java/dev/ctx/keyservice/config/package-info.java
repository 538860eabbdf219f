/**
 * The validated service configuration ({@link dev.ctx.keyservice.config.KeyServiceConfig}, a Kafka {@code ConfigDef}):
 * a properties file overridden by {@code CTX_KEYSVC_*} environment variables; secrets only by reference.
 */
package dev.ctx.keyservice.config;
