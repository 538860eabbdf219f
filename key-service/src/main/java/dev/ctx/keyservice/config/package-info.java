/** The validated service configuration: a properties file overridden by {@code CTX_KEYSVC_*} environment variables. */
package dev.ctx.keyservice.config;
