package dev.ctx.keyservice.byok;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.ctx.envelope.HpkeChallenge;

/**
 * The bytes of the proof-of-possession challenge, version 1 ({@code docs/participant-held-keys.md}; big-endian,
 * {@code str(s) = u16 length || UTF-8}):
 * <pre>
 * info = "ctx.byok.possession.v1"     || str(participantId) || u32(keyVersion) || str(challengeId)
 * aad  = "ctx.byok.possession.aad.v1" || str(participantId) || u32(keyVersion) || str(challengeId)
 * plaintext = 32 random bytes (the challenge); the answer is exactly these bytes
 * </pre>
 * The labels keep a challenge from ever being a valid DEK wrap (whose info starts {@code ctx-wrap} or
 * {@code ctx-epoch}), so a client that rebuilds info and aad itself, and refuses a challenge whose info differs, is no
 * decryption oracle.
 */
public final class PossessionProtocol {

    /** The info label: ASCII, no length prefix. */
    public static final String INFO_LABEL = "ctx.byok.possession.v1";
    /** The aad label: ASCII, no length prefix. */
    public static final String AAD_LABEL = "ctx.byok.possession.aad.v1";
    /** Challenge length in bytes. */
    public static final int CHALLENGE_LENGTH = HpkeChallenge.LENGTH;

    private PossessionProtocol() {}

    public static byte[] info(String participantId, int keyVersion, String challengeId) {
        return encode(INFO_LABEL, participantId, keyVersion, challengeId);
    }

    public static byte[] aad(String participantId, int keyVersion, String challengeId) {
        return encode(AAD_LABEL, participantId, keyVersion, challengeId);
    }

    private static byte[] encode(String label, String participantId, int keyVersion, String challengeId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        writeString(out, participantId);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(keyVersion).array());
        writeString(out, challengeId);
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(
                ByteBuffer.allocate(Short.BYTES).putShort((short) utf8.length).array());
        out.writeBytes(utf8);
    }
}
