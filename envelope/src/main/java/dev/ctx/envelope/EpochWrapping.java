package dev.ctx.envelope;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ctx.envelope.format.ContextEncoding;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.EpochId;
import dev.ctx.envelope.format.SealId;
import dev.ctx.envelope.internal.hpke.Hpke;
import dev.ctx.envelope.internal.hpke.HpkeContext;
import dev.ctx.envelope.internal.hpke.HpkeSuite;
import dev.ctx.envelope.key.X25519KeyPair;

/**
 * The sender side of epoch wraps: per recipient key, one RFC 9180 §5.2 multi-shot base-mode sender context for the
 * current epoch; each DEK is sealed at that context's next sequence number.
 *
 * <p>Never reuses a (context, sequence) pair: the contexts live only in this object's memory (never persisted), a new
 * object starts a new epoch with fresh ephemeral keys and a fresh {@link EpochId}, and the sequence number only moves
 * forward. An epoch ends after {@link EpochPolicy#maxSeals()} seals or {@link EpochPolicy#maxAge()}; its contexts are
 * then destroyed. Thread-safe: {@link #wrapAll} and {@link #close} synchronize on this object, so concurrent seals are
 * serialized on the (cheap, AES-GCM only) wrapping step.
 */
final class EpochWrapping implements AutoCloseable {

    private static final Hpke HPKE = Hpke.of(HpkeSuite.X25519_SHA256_AES256GCM);

    private final EpochPolicy policy;
    private final SealRandomness randomness;
    private Epoch current;
    private long epochsStarted;
    private boolean closed;

    EpochWrapping(EpochPolicy policy, SealRandomness randomness) {
        this.policy = policy;
        this.randomness = randomness;
    }

    /** Wraps {@code dek} for every recipient with the current epoch's contexts; starts a new epoch when due. */
    synchronized List<DekWrap> wrapAll(Dek dek, List<Recipient> recipients, SealId sealId, byte[] aad) {
        if (closed) {
            throw new IllegalStateException("epoch sealer is closed");
        }
        Epoch epoch = epochFor(recipients);
        epoch.seals++;
        List<DekWrap> wraps = new ArrayList<>(recipients.size());
        for (Recipient recipient : recipients) {
            HpkeContext context = epoch.contextFor(recipient, randomness);
            byte[] wrapAad = ContextEncoding.epochWrapAad(recipient.recipientId(), recipient.keyVersion(), aad);
            long sequence = context.sequence();
            byte[] sealed = dek.exposeKeyBytesForWrapping(key -> context.seal(wrapAad, key));
            wraps.add(DekWrap.ofEpoch(
                    recipient.recipientId(),
                    recipient.keyVersion(),
                    sealId,
                    epoch.id,
                    context.enc(),
                    sequence,
                    sealed));
        }
        return wraps;
    }

    /** How many epochs this object has started (for tests and metrics). */
    synchronized long epochsStarted() {
        return epochsStarted;
    }

    private Epoch epochFor(List<Recipient> recipients) {
        if (current != null
                && (current.seals >= policy.maxSeals()
                        || policy.nanoTime().getAsLong() - current.startedNanos
                                >= policy.maxAge().toNanos()
                        || current.contexts.size() + recipients.size() > policy.maxContexts()
                                && current.missingAny(recipients))) {
            current.destroy();
            current = null;
        }
        if (current == null) {
            current = new Epoch(randomness.newEpochId(), policy.nanoTime().getAsLong());
            epochsStarted++;
        }
        return current;
    }

    /** Ends the current epoch and destroys its secrets; later seals fail. */
    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.destroy();
            current = null;
        }
    }

    private static final class Epoch {
        private final EpochId id;
        private final long startedNanos;
        private final Map<ContextKey, HpkeContext> contexts = new HashMap<>();
        private long seals;

        Epoch(EpochId id, long startedNanos) {
            this.id = id;
            this.startedNanos = startedNanos;
        }

        boolean missingAny(List<Recipient> recipients) {
            return recipients.stream().anyMatch(r -> !contexts.containsKey(ContextKey.of(r)));
        }

        HpkeContext contextFor(Recipient recipient, SealRandomness randomness) {
            return contexts.computeIfAbsent(ContextKey.of(recipient), key -> {
                X25519KeyPair ephemeral = randomness.newEphemeral();
                try {
                    return HPKE.setupBaseS(
                            ephemeral,
                            recipient.publicKey(),
                            ContextEncoding.epochInfo(id, recipient.recipientId(), recipient.keyVersion()));
                } finally {
                    ephemeral.destroy();
                }
            });
        }

        void destroy() {
            contexts.values().forEach(HpkeContext::destroy);
            contexts.clear();
        }
    }

    /** A recipient key: id, key version and public key bytes. */
    private record ContextKey(String recipientId, int keyVersion, ByteBuffer publicKey) {
        static ContextKey of(Recipient recipient) {
            return new ContextKey(
                    recipient.recipientId(),
                    recipient.keyVersion(),
                    ByteBuffer.wrap(recipient.publicKey().bytes()));
        }
    }
}
