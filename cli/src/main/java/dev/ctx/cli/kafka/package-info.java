/** {@code ctx kafka}: a real single-node KRaft broker on 127.0.0.1 for local runs. */
package dev.ctx.cli.kafka;
