/**
 * The key service: {@link dev.ctx.keyservice.KeyServiceMain} and its wiring {@link dev.ctx.keyservice.KeyService}.
 * Feature packages: {@code api}, {@code auth}, {@code registry}, {@code custody}, {@code kek}, {@code store},
 * {@code rotation}, {@code audit}, {@code metrics}, {@code config}.
 */
package dev.ctx.keyservice;
