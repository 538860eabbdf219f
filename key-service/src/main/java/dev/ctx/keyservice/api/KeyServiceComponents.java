package dev.ctx.keyservice.api;

import java.util.Objects;
import java.util.function.BooleanSupplier;

import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.DenialSink;
import dev.ctx.keyservice.auth.Authenticator;
import dev.ctx.keyservice.auth.FailedAuthenticationLimiter;
import dev.ctx.keyservice.lookup.LookupUnavailableException;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.metrics.HttpMetrics;
import dev.ctx.keyservice.registry.KeyLifecycle;
import dev.ctx.keyservice.registry.ParticipantRegistry;
import dev.ctx.keyservice.rotation.MaxAgeRotation;

/**
 * What the routes need, wired by {@code KeyServiceMain} or a test.
 *
 * @param registry participants
 * @param keys key lifecycle
 * @param rotation the max-age policy the on-demand rotation check applies
 * @param authenticator mTLS and/or JWT
 * @param events access-event factory
 * @param auditSink where denied-access events go (a bounded queue; never blocks the request)
 * @param authFailures per-address limit of failed authentications (429 beyond it)
 * @param metrics HTTP metrics and the Prometheus scrape
 * @param live liveness (false once the store failed fatally: restart the process)
 * @param ready readiness (the store accepts writes; false while it recovers from a write with an unknown outcome)
 * @param maxBodyBytes request body limit
 * @param keyringSigningKey the public key that verifies every keyring the service writes (served for pinning)
 * @param lookup encrypted transactions and their newest envelopes by transaction id (the Streams-built view); throws
 *     {@link LookupUnavailableException} (HTTP 503) while the view is not queryable
 */
public record KeyServiceComponents(ParticipantRegistry registry, KeyLifecycle keys, MaxAgeRotation rotation, Authenticator authenticator,
        AccessEvents events, DenialSink auditSink, FailedAuthenticationLimiter authFailures, HttpMetrics metrics,
        BooleanSupplier live, BooleanSupplier ready, long maxBodyBytes, Ed25519VerifyingKey keyringSigningKey,
        TransactionLookup lookup) {

    public KeyServiceComponents {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(auditSink, "auditSink");
        Objects.requireNonNull(authFailures, "authFailures");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(keyringSigningKey, "keyringSigningKey");
        Objects.requireNonNull(lookup, "lookup");
    }

    /** Without a transaction view: every lookup is unavailable (for wirings and tests that serve no reads). */
    public KeyServiceComponents(ParticipantRegistry registry, KeyLifecycle keys, MaxAgeRotation rotation,
            Authenticator authenticator, AccessEvents events, DenialSink auditSink,
            FailedAuthenticationLimiter authFailures, HttpMetrics metrics, BooleanSupplier live, BooleanSupplier ready,
            long maxBodyBytes, Ed25519VerifyingKey keyringSigningKey) {
        this(registry, keys, rotation, authenticator, events, auditSink, authFailures, metrics, live, ready,
                maxBodyBytes, keyringSigningKey, transactionId -> {
                    throw new LookupUnavailableException("this key service runs no transaction view");
                });
    }
}
