/** {@code ctx processor}: runs the encryption processor against any Kafka cluster and schema registry. */
package dev.ctx.cli.processor;
