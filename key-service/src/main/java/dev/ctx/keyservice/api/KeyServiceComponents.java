package dev.ctx.keyservice.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.access.AccessService;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.DenialSink;
import dev.ctx.keyservice.auditlog.AuditCheckpointNotary;
import dev.ctx.keyservice.auth.Authenticator;
import dev.ctx.keyservice.auth.FailedAuthenticationLimiter;
import dev.ctx.keyservice.byok.ParticipantHeldKeys;
import dev.ctx.keyservice.escrow.EscrowService;
import dev.ctx.keyservice.grants.GrantTable;
import dev.ctx.keyservice.grants.GrantValidator;
import dev.ctx.keyservice.grants.Grants;
import dev.ctx.keyservice.metrics.HttpMetrics;
import dev.ctx.keyservice.participants.KeyLifecycle;
import dev.ctx.keyservice.participants.ParticipantRegistry;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.keyservice.receipts.ReceiptProofService;
import dev.ctx.keyservice.revocation.TransactionRevocations;
import dev.ctx.keyservice.rewrap.RewrapService;
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
 * @param grants time-bound access grants ({@code /v1/grants}); also the {@link dev.ctx.keyservice.grants.GrantBook}
 *     the access endpoint asks
 * @param participantHeldKeys proofs of possession of participant-held (BYOK) keys
 * @param access answers {@code POST /v1/access-requests}; null leaves that route out (no lookup view)
 * @param rewrap answers {@code POST /v1/rewrap}; null leaves that route out (no lookup view)
 * @param revocations answers revocation, shredding and erasure ({@code /v1/transactions/{id}}); null leaves those
 *     routes out (no lookup view)
 * @param escrow answers {@code /v1/escrow/requests}; null leaves those routes out (no lookup view)
 * @param auditCheckpoints the audit signer of {@code /v1/audit/*}; null leaves those routes out
 * @param receiptProofs answers {@code POST /v1/receipts/proofs}; null leaves that route out (no lookup view)
 */
public record KeyServiceComponents(
        ParticipantRegistry registry,
        KeyLifecycle keys,
        MaxAgeRotation rotation,
        Authenticator authenticator,
        AccessEvents events,
        DenialSink auditSink,
        FailedAuthenticationLimiter authFailures,
        HttpMetrics metrics,
        BooleanSupplier live,
        BooleanSupplier ready,
        long maxBodyBytes,
        Ed25519VerifyingKey keyringSigningKey,
        Grants grants,
        ParticipantHeldKeys participantHeldKeys,
        AccessService access,
        RewrapService rewrap,
        TransactionRevocations revocations,
        EscrowService escrow,
        AuditCheckpointNotary auditCheckpoints,
        ReceiptProofService receiptProofs) {

    /** Default BYOK challenge lifetime when none is configured ({@code byok.challenge.ttl}'s default). */
    public static final Duration DEFAULT_CHALLENGE_TTL = Duration.ofMinutes(5);

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
        Objects.requireNonNull(grants, "grants");
        Objects.requireNonNull(participantHeldKeys, "participantHeldKeys");
    }

    /** Without the receipt-proof route. */
    public KeyServiceComponents(
            ParticipantRegistry registry,
            KeyLifecycle keys,
            MaxAgeRotation rotation,
            Authenticator authenticator,
            AccessEvents events,
            DenialSink auditSink,
            FailedAuthenticationLimiter authFailures,
            HttpMetrics metrics,
            BooleanSupplier live,
            BooleanSupplier ready,
            long maxBodyBytes,
            Ed25519VerifyingKey keyringSigningKey,
            Grants grants,
            ParticipantHeldKeys participantHeldKeys,
            AccessService access,
            RewrapService rewrap,
            TransactionRevocations revocations,
            EscrowService escrow,
            AuditCheckpointNotary auditCheckpoints) {
        this(
                registry,
                keys,
                rotation,
                authenticator,
                events,
                auditSink,
                authFailures,
                metrics,
                live,
                ready,
                maxBodyBytes,
                keyringSigningKey,
                grants,
                participantHeldKeys,
                access,
                rewrap,
                revocations,
                escrow,
                auditCheckpoints,
                null);
    }

    /** Without revocation routes. */
    public KeyServiceComponents(
            ParticipantRegistry registry,
            KeyLifecycle keys,
            MaxAgeRotation rotation,
            Authenticator authenticator,
            AccessEvents events,
            DenialSink auditSink,
            FailedAuthenticationLimiter authFailures,
            HttpMetrics metrics,
            BooleanSupplier live,
            BooleanSupplier ready,
            long maxBodyBytes,
            Ed25519VerifyingKey keyringSigningKey,
            Grants grants,
            ParticipantHeldKeys participantHeldKeys,
            AccessService access,
            RewrapService rewrap) {
        this(
                registry,
                keys,
                rotation,
                authenticator,
                events,
                auditSink,
                authFailures,
                metrics,
                live,
                ready,
                maxBodyBytes,
                keyringSigningKey,
                grants,
                participantHeldKeys,
                access,
                rewrap,
                null,
                null,
                null);
    }

    /**
     * With {@code grants}, BYOK proofs on the system clock with the default challenge TTL, and no access-request
     * route.
     */
    public KeyServiceComponents(
            ParticipantRegistry registry,
            KeyLifecycle keys,
            MaxAgeRotation rotation,
            Authenticator authenticator,
            AccessEvents events,
            DenialSink auditSink,
            FailedAuthenticationLimiter authFailures,
            HttpMetrics metrics,
            BooleanSupplier live,
            BooleanSupplier ready,
            long maxBodyBytes,
            Ed25519VerifyingKey keyringSigningKey,
            Grants grants) {
        this(
                registry,
                keys,
                rotation,
                authenticator,
                events,
                auditSink,
                authFailures,
                metrics,
                live,
                ready,
                maxBodyBytes,
                keyringSigningKey,
                grants,
                new ParticipantHeldKeys(keys, events, auditSink, Clock.systemUTC(), DEFAULT_CHALLENGE_TTL),
                null,
                null,
                null,
                null,
                null);
    }

    /** As above, without a grants store: no grant is ever found, and creating one is refused (503). */
    public KeyServiceComponents(
            ParticipantRegistry registry,
            KeyLifecycle keys,
            MaxAgeRotation rotation,
            Authenticator authenticator,
            AccessEvents events,
            DenialSink auditSink,
            FailedAuthenticationLimiter authFailures,
            HttpMetrics metrics,
            BooleanSupplier live,
            BooleanSupplier ready,
            long maxBodyBytes,
            Ed25519VerifyingKey keyringSigningKey) {
        this(
                registry,
                keys,
                rotation,
                authenticator,
                events,
                auditSink,
                authFailures,
                metrics,
                live,
                ready,
                maxBodyBytes,
                keyringSigningKey,
                new Grants(
                        new GrantTable(),
                        (state, event) -> {
                            throw new StoreUnavailableException("no grants store is configured", null);
                        },
                        new GrantValidator(Duration.ofDays(90)),
                        events,
                        Clock.systemUTC()));
    }

    /** The same components with {@code access} answering access requests. */
    public KeyServiceComponents withAccess(AccessService access) {
        return withOptional(access, rewrap, revocations, escrow, auditCheckpoints, receiptProofs);
    }

    /** The same components with {@code rewrap} answering rewrap batches. */
    public KeyServiceComponents withRewrap(RewrapService rewrap) {
        return withOptional(access, rewrap, revocations, escrow, auditCheckpoints, receiptProofs);
    }

    /** The same components with {@code revocations} answering revocation, shredding and erasure. */
    public KeyServiceComponents withRevocations(TransactionRevocations revocations) {
        return withOptional(access, rewrap, revocations, escrow, auditCheckpoints, receiptProofs);
    }

    /** The same components with {@code escrow} answering escrow requests. */
    public KeyServiceComponents withEscrow(EscrowService escrow) {
        return withOptional(access, rewrap, revocations, escrow, auditCheckpoints, receiptProofs);
    }

    /** The same components with {@code notary} serving the audit signer's routes. */
    public KeyServiceComponents withAuditCheckpoints(AuditCheckpointNotary notary) {
        return withOptional(access, rewrap, revocations, escrow, notary, receiptProofs);
    }

    /** The same components with {@code proofs} answering receipt-proof requests. */
    public KeyServiceComponents withReceiptProofs(ReceiptProofService proofs) {
        return withOptional(access, rewrap, revocations, escrow, auditCheckpoints, proofs);
    }

    /** The same required components with these optional ones (each null leaves its routes out). */
    private KeyServiceComponents withOptional(
            AccessService access,
            RewrapService rewrap,
            TransactionRevocations revocations,
            EscrowService escrow,
            AuditCheckpointNotary auditCheckpoints,
            ReceiptProofService receiptProofs) {
        return new KeyServiceComponents(
                registry,
                keys,
                rotation,
                authenticator,
                events,
                auditSink,
                authFailures,
                metrics,
                live,
                ready,
                maxBodyBytes,
                keyringSigningKey,
                grants,
                participantHeldKeys,
                access,
                rewrap,
                revocations,
                escrow,
                auditCheckpoints,
                receiptProofs);
    }

    /** The largest body any route accepts: the server's limit. */
    long maxRequestBytes() {
        long largest = rewrap == null
                ? maxBodyBytes
                : Math.max(maxBodyBytes, rewrap.settings().maxBodyBytes());
        return receiptProofs == null ? largest : Math.max(largest, ReceiptProofRoutes.MAX_BODY_BYTES);
    }
}
