/**
 * What the processor's and the key service's configuration share: reading a properties file
 * ({@link dev.ctx.schemas.config.ConfigFiles}). Each component keeps its own {@code ConfigDef}, keys and environment
 * prefix.
 */
package dev.ctx.schemas.config;
