/** {@code ctx key-service}: runs the key service against any Kafka cluster and schema registry. */
package dev.ctx.cli.keyservice;
