package dev.ctx.envelope;

import java.security.SecureRandom;

import dev.ctx.envelope.format.EpochId;
import dev.ctx.envelope.format.SealId;
import dev.ctx.envelope.key.X25519KeyPair;

/**
 * Where a seal gets its DEK (which draws its own nonce), ephemeral key and seal id. Production uses
 * {@link #secure()}; the deterministic implementations behind the package-private entry points exist only for known
 * answers (self-check, golden files).
 */
interface SealRandomness {

    /** A DEK for one encryption; it draws its own nonce. */
    Dek newDek();

    X25519KeyPair newEphemeral();

    /** A fresh random seal id (format v2). */
    SealId newSealId();

    /** A fresh random epoch id (epoch wraps). */
    EpochId newEpochId();

    /**
     * Whether this source repeats its outputs (known answers only). Only then may AES-GCM encrypt the same key and
     * nonce twice; see {@link dev.ctx.envelope.internal.AesGcm#permitRepeatedKeyAndNonceForKnownAnswersOnly}.
     */
    default boolean repeatsForKnownAnswers() {
        return false;
    }

    static SealRandomness secure() {
        return new Secure(new SecureRandom());
    }

    /** Fresh DEK (and its nonce), ephemeral key and ids from a {@link SecureRandom}. */
    record Secure(SecureRandom random) implements SealRandomness {

        @Override
        public Dek newDek() {
            return Dek.generate(random, 1);
        }

        @Override
        public X25519KeyPair newEphemeral() {
            return X25519KeyPair.generate(random);
        }

        @Override
        public EpochId newEpochId() {
            byte[] id = new byte[EpochId.LENGTH];
            random.nextBytes(id);
            return EpochId.of(id);
        }

        @Override
        public SealId newSealId() {
            byte[] id = new byte[SealId.LENGTH];
            random.nextBytes(id);
            return SealId.of(id);
        }
    }
}
