package dev.ctx.envelope;

import dev.ctx.envelope.format.EpochId;
import dev.ctx.envelope.format.SealId;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;

/**
 * Known-answer randomness: the same DEK (with its fixed nonce), ephemeral key and seal id on every call. Never for
 * real data.
 */
final class FixedSealRandomness implements SealRandomness {

    private final byte[] dek;
    private final byte[] nonce;
    private final byte[] ephemeralScalar;
    private final byte[] sealId;
    private final byte[] epochId;

    FixedSealRandomness(byte[] dek, byte[] nonce, byte[] ephemeralScalar, byte[] sealId, byte[] epochId) {
        this.dek = dek;
        this.nonce = nonce;
        this.ephemeralScalar = ephemeralScalar;
        this.sealId = sealId;
        this.epochId = epochId;
    }

    FixedSealRandomness(byte[] dek, byte[] nonce, byte[] ephemeralScalar, byte[] sealId) {
        this(dek, nonce, ephemeralScalar, sealId, new byte[EpochId.LENGTH]);
    }

    /** The DEK every {@link #newDek()} returns (for known-answer tests). */
    byte[] dek() {
        return dek;
    }

    @Override
    public EpochId newEpochId() {
        return EpochId.of(epochId);
    }

    @Override
    public Dek newDek() {
        return Dek.insecureWithFixedNonceForKnownAnswers(dek.clone(), nonce);
    }

    @Override
    public X25519KeyPair newEphemeral() {
        return X25519KeyPair.of(X25519PrivateKey.takeCopyOf(ephemeralScalar));
    }

    @Override
    public SealId newSealId() {
        return SealId.of(sealId);
    }

    @Override
    public boolean repeatsForKnownAnswers() {
        return true;
    }
}
