package dev.ctx.keyservice.byok;

import java.time.Instant;

/**
 * What the participant gets back: everything needed to open the challenge with its private key (all public).
 *
 * <p>{@code challengeId}: to name in the proof
 * <p>{@code keyVersion}: the version the key gets once proven
 * <p>{@code enc}: HPKE encapsulated key (32 bytes)
 * <p>{@code ciphertext}: the sealed challenge with its tag (48 bytes)
 * <p>{@code info}: HPKE info ({@link PossessionProtocol#info})
 * <p>{@code aad}: HPKE aad ({@link PossessionProtocol#aad})
 * <p>{@code expiresAt}: the answer must arrive before this instant
 */
public final class IssuedChallenge {

    private final String challengeId;
    private final int keyVersion;
    private final byte[] enc;
    private final byte[] ciphertext;
    private final byte[] info;
    private final byte[] aad;
    private final Instant expiresAt;

    public IssuedChallenge(
            String challengeId,
            int keyVersion,
            byte[] enc,
            byte[] ciphertext,
            byte[] info,
            byte[] aad,
            Instant expiresAt) {
        this.challengeId = challengeId;
        this.keyVersion = keyVersion;
        this.enc = enc;
        this.ciphertext = ciphertext;
        this.info = info;
        this.aad = aad;
        this.expiresAt = expiresAt;
    }

    public String challengeId() {
        return challengeId;
    }

    public int keyVersion() {
        return keyVersion;
    }

    public byte[] enc() {
        return enc.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public byte[] info() {
        return info.clone();
    }

    public byte[] aad() {
        return aad.clone();
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
