/**
 * The consumer client ({@code ctx-client}): everything a downstream consumer needs to read our topics and nothing
 * else. Feature packages: {@link dev.ctx.client.open} (open a sealed record with a private key),
 * {@link dev.ctx.client.keyfile} (a participant's own private key file, BYOK), {@link dev.ctx.client.local} (open
 * locally with that file), {@link dev.ctx.client.access} (the key service's read API: access requests, grants,
 * participant-held keys), {@link dev.ctx.client.byok} (proof of possession of an own key) and
 * {@link dev.ctx.client.fields} (the confidential fields as JSON).
 *
 * <p>Boundary: depends on {@code ctx-schemas}, {@code ctx-envelope}, Jackson and the JDK's {@code java.net.http}
 * only; no Kafka Streams, Micrometer, Javalin or Jetty ({@code ClientDependenciesTest} pins it).
 */
package dev.ctx.client;
