package dev.ctx.keyservice.byok;

import java.time.Instant;

/**
 * What the participant gets back: everything needed to open the challenge with its private key (all public).
 *
 * @param challengeId to name in the proof
 * @param keyVersion the version the key gets once proven
 * @param enc HPKE encapsulated key (32 bytes)
 * @param ciphertext the sealed challenge with its tag (48 bytes)
 * @param info HPKE info ({@link PossessionProtocol#info})
 * @param aad HPKE aad ({@link PossessionProtocol#aad})
 * @param expiresAt the answer must arrive before this instant
 */
public record IssuedChallenge(
        String challengeId,
        int keyVersion,
        byte[] enc,
        byte[] ciphertext,
        byte[] info,
        byte[] aad,
        Instant expiresAt) {}
