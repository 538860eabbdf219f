package dev.ctx.keyservice.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.envelope.EnvelopeOpener;
import dev.ctx.envelope.EnvelopeSealer;
import dev.ctx.envelope.EpochPolicy;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.SealedTransaction;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.UnsealingCustodialKeys;
import dev.ctx.keyservice.rewrap.RewrapItem;
import dev.ctx.keyservice.rewrap.RewrapService;
import dev.ctx.keyservice.rewrap.RewrapSettings;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.KeyRef;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.encrypted.SealedFields;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.TransactionStatus;

/**
 * The rewrap service on a {@link LifecycleFixture} (real registry, custody and lifecycle, no Kafka): {@code alice} has
 * custodial key v1, {@code bob} a participant-held v1; transactions are sealed for both (and, {@link #startWithEscrow},
 * for the audit escrow key v1) with the real envelope sealer (per-transaction or epoch wraps) and put into an
 * in-memory lookup view; committed access events are kept.
 */
public final class RewrapFixture implements AutoCloseable {

    public static final AuditContext OPERATOR = new AuditContext("rewrap-job", null, null);
    public static final ParticipantId ALICE = ParticipantId.parse("alice");
    public static final ParticipantId BOB = ParticipantId.parse("bob");

    public final LifecycleFixture core;
    public final Map<String, LookupResult> view = new ConcurrentHashMap<>();
    public final List<AccessEvent> committed = new CopyOnWriteArrayList<>();
    public final RewrapService service;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public volatile boolean failCommits;
    private final AccessEventCommitter committer;
    private final byte[] fingerprint = new byte[32];
    private final EnvelopeOpener opener = EnvelopeOpener.create();

    private final boolean escrow;

    private RewrapFixture(Path dir, RewrapSettings settings, boolean escrow) {
        this.escrow = escrow;
        new SecureRandom().nextBytes(fingerprint);
        Clock clock = Clock.systemUTC();
        core = LifecycleFixture.start(dir, clock);
        core.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of("settlement"));
        core.keys.createKey(OPERATOR, ALICE);
        core.registry.register(OPERATOR, BOB, ParticipantRole.MINER, KycStatus.VERIFIED, List.of("settlement"));
        int version = core.keys.challengeParticipantHeldKey(OPERATOR, BOB, "challenge-1");
        core.keys.addParticipantHeldKey(
                OPERATOR, BOB, version, X25519KeyPair.generate().publicKey(), "challenge-1");
        if (escrow) {
            core.keys.createEscrowKey(OPERATOR);
        }
        committer = AccessEventCommitter.start(
                100,
                10,
                Duration.ZERO,
                batch -> {
                    if (failCommits) {
                        throw new IllegalStateException("broker away");
                    }
                    committed.addAll(batch);
                },
                new SimpleMeterRegistry());
        service = new RewrapService(
                core.states,
                id -> view.getOrDefault(id, new LookupResult.Unknown(id)),
                new UnsealingCustodialKeys(core.states, core.keys),
                core.keys.handOverEscrowRewrappingOnce(),
                committer,
                new AccessEvents("key-service/test", clock),
                settings,
                meters);
    }

    public static RewrapFixture start(Path dir) {
        return start(dir, new RewrapSettings(500, 256 * 1024, Duration.ofSeconds(5)));
    }

    public static RewrapFixture start(Path dir, RewrapSettings settings) {
        return new RewrapFixture(dir, settings, false);
    }

    /** As {@link #start(Path)}, with the audit escrow key v1: every sealed envelope also holds an escrow wrap. */
    public static RewrapFixture startWithEscrow(Path dir) {
        return new RewrapFixture(dir, new RewrapSettings(500, 256 * 1024, Duration.ofSeconds(5)), true);
    }

    /**
     * {@code id} registers a participant-held key (BYOK) as its next version, as the proof-of-possession exchange ends;
     * the caller owns the returned pair.
     */
    public X25519KeyPair registerOwnKey(ParticipantId id) {
        X25519KeyPair pair = X25519KeyPair.generate();
        int version = core.keys.challengeParticipantHeldKey(OPERATOR, id, "challenge-" + id);
        core.keys.addParticipantHeldKey(OPERATOR, id, version, pair.publicKey(), "challenge-" + id);
        return pair;
    }

    /** The confidential bytes sealed for {@code transactionId}. */
    public static byte[] plaintextOf(String transactionId) {
        return ("the confidential fields of " + transactionId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Seals {@code transactionId} for the current keys of alice and bob, generation 1, and puts it into the view.
     *
     * @param epoch epoch wraps (layout 0x03) instead of per-transaction wraps
     */
    public LookupResult.Found seal(String transactionId, boolean epoch) {
        List<Recipient> recipients = escrow
                ? List.of(current(ALICE), current(BOB), current(ParticipantId.ESCROW))
                : List.of(current(ALICE), current(BOB));
        LookupResult.Found found = sealed(transactionId, fingerprint, recipients, epoch);
        view.put(transactionId, found);
        return found;
    }

    /**
     * The encrypted record and generation-1 envelope of {@code transactionId} sealed for {@code recipients} (its
     * participants, and the escrow key if listed), as the processor writes them; the plaintext is {@link #plaintextOf}.
     */
    public static LookupResult.Found sealed(
            String transactionId, byte[] fingerprint, List<Recipient> recipients, boolean epoch) {
        List<String> participants = recipients.stream()
                .map(Recipient::recipientId)
                .filter(id -> !Recipient.ESCROW_ID.equals(id))
                .toList();
        TransactionContext context = TransactionContext.of(transactionId, fingerprint, participants);
        SealedTransaction sealed;
        try (EnvelopeSealer sealer =
                epoch ? EnvelopeSealer.createEpoch(EpochPolicy.defaults()) : EnvelopeSealer.create()) {
            sealed = sealer.sealSerialized(plaintextOf(transactionId), context, recipients);
        }
        ByteBuffer sealId = ByteBuffer.wrap(sealed.sealId().bytes());
        EncryptedTransaction encrypted = EncryptedTransaction.newBuilder()
                .setTransactionId(transactionId)
                .setJobId("job-1")
                .setTimestamp(Instant.parse("2026-06-01T12:00:00Z"))
                .setStatus(TransactionStatus.SETTLED)
                .setCurrency("EUR")
                .setConfidential(true)
                .setParticipants(participants)
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("settlement"))
                        .setNotBefore(null)
                        .setNotAfter(null)
                        .build())
                .setSealed(SealedFields.newBuilder()
                        .setCiphertext(ByteBuffer.wrap(sealed.ciphertext().toBytes()))
                        .setSchemaFingerprint(ByteBuffer.wrap(fingerprint.clone()))
                        .setKeyRefs(sealed.wraps().stream()
                                .map(w -> new KeyRef(w.recipientId(), w.keyVersion()))
                                .toList())
                        .setSealId(sealId)
                        .build())
                .setClear(null)
                .build();
        Envelope envelope = Envelope.newBuilder()
                .setTransactionId(transactionId)
                .setGeneration(1)
                .setCreatedAt(Instant.parse("2026-06-01T12:00:00Z"))
                .setSealId(sealId)
                .setWraps(sealed.wraps().stream()
                        .map(RewrapFixture::recipientWrap)
                        .toList())
                .build();
        return new LookupResult.Found(encrypted, envelope);
    }

    private static RecipientWrap recipientWrap(DekWrap wrap) {
        return RecipientWrap.newBuilder()
                .setRecipientId(wrap.recipientId())
                .setRecipientType(
                        Recipient.ESCROW_ID.equals(wrap.recipientId())
                                ? RecipientType.ESCROW
                                : RecipientType.PARTICIPANT)
                .setKeyVersion(wrap.keyVersion())
                .setWrap(ByteBuffer.wrap(wrap.toBytes()))
                .build();
    }

    private Recipient current(ParticipantId id) {
        var key = core.states.require(id).participant().currentKey().orElseThrow();
        return new Recipient(id.value(), key.version(), key.publicKey());
    }

    public TransactionContext context(String transactionId) {
        return TransactionContext.of(transactionId, fingerprint, List.of(ALICE.value(), BOB.value()));
    }

    /** The participant's wrap in the view's envelope of {@code transactionId}, as the rewrap job sends it. */
    public RewrapItem itemFor(String transactionId, ParticipantId participant) {
        LookupResult.Found found = (LookupResult.Found) view.get(transactionId);
        RecipientWrap wrap = found.envelope().getWraps().stream()
                .filter(w -> w.getRecipientId().equals(participant.value()))
                .findFirst()
                .orElseThrow();
        return new RewrapItem(
                transactionId, found.envelope().getGeneration(), wrap.getKeyVersion(), bytes(wrap.getWrap()));
    }

    /** Opens the record of {@code transactionId} with {@code wrap} and {@code key}, as a consumer would. */
    public byte[] open(String transactionId, DekWrap wrap, X25519PrivateKey key) {
        LookupResult.Found found = (LookupResult.Found) view.get(transactionId);
        return opener.openSerialized(
                CiphertextPart.parse(bytes(found.transaction().getSealed().getCiphertext())),
                wrap,
                RecipientPrivateKey.of(wrap.recipientId(), wrap.keyVersion(), key),
                context(transactionId));
    }

    public static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        committer.close();
        core.close();
    }
}
