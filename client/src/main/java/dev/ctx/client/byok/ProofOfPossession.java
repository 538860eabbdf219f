package dev.ctx.client.byok;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.ctx.client.access.AccessClient;
import dev.ctx.client.access.KeyChallenge;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.envelope.HpkeChallenge;
import dev.ctx.envelope.key.X25519PrivateKey;

/**
 * Proves to the key service that a participant holds the private key of the public key it registers: the service
 * HPKE-seals a random 32-byte challenge to that key (base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * AES-256-GCM), this class opens it locally and returns it. Stateless and thread-safe.
 *
 * <p>Not a decryption oracle: a challenge whose {@code info} starts with a DEK wrap's label ({@code ctx-wrap},
 * {@code ctx-epoch}, {@code docs/envelope-format.md}) is refused before opening, so a key service (or anyone
 * answering in its place) cannot get a transaction's DEK opened by passing its wrap off as a challenge; an opened
 * challenge of another length than 32 bytes is not returned either.
 */
public final class ProofOfPossession {

    /** Length of the key service's random challenge. */
    public static final int CHALLENGE_LENGTH = HpkeChallenge.LENGTH;

    private static final List<byte[]> WRAP_INFO_LABELS =
            List.of("ctx-wrap".getBytes(StandardCharsets.US_ASCII), "ctx-epoch".getBytes(StandardCharsets.US_ASCII));

    private ProofOfPossession() {}

    /**
     * Registers {@code keyFile}'s public key for its participant and proves possession; returns the key version the
     * service assigned (now the participant's current one). Record it with
     * {@link ParticipantKeyFile#recordKeyVersion}.
     *
     * @throws dev.ctx.client.access.error.KeyServiceException typed, if the service refuses a step
     * @throws ChallengeRefusedException if the challenge could be a DEK wrap
     * @throws dev.ctx.envelope.error.AuthenticationFailedException if the challenge is not sealed to this key
     */
    public static int register(AccessClient client, ParticipantKeyFile keyFile) {
        KeyChallenge challenge = client.registerOwnKey(keyFile.participantId(), keyFile.publicKey());
        byte[] answer = open(challenge, keyFile.privateKey());
        try {
            client.proveKeyPossession(keyFile.participantId(), challenge.keyVersion(), challenge.challengeId(), answer);
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
        return challenge.keyVersion();
    }

    /** The opened challenge (the caller zeroes it after sending). */
    public static byte[] open(KeyChallenge challenge, X25519PrivateKey privateKey) {
        byte[] info = challenge.info();
        if (WRAP_INFO_LABELS.stream().anyMatch(label -> startsWith(info, label))) {
            throw new ChallengeRefusedException("challenge " + challenge.challengeId()
                    + " carries the HPKE info of a DEK wrap; refusing to open it");
        }
        byte[] opened = HpkeChallenge.open(privateKey, challenge.enc(), challenge.ciphertext(), info, challenge.aad());
        if (opened.length != CHALLENGE_LENGTH) {
            Arrays.fill(opened, (byte) 0);
            throw new ChallengeRefusedException("challenge " + challenge.challengeId() + " opened to " + opened.length
                    + " bytes, not " + CHALLENGE_LENGTH);
        }
        return opened;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
