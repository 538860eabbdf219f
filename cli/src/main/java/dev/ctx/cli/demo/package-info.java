/**
 * {@code ctx demo}: the whole pipeline on one machine. An embedded Kafka broker, a schema registry, the key service
 * (keystore KEK), the encryption processor; sample participants and the escrow key registered over the key service's
 * HTTP API; generated transactions with a live progress line; a summary with one transaction opened.
 */
package dev.ctx.cli.demo;
