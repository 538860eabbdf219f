package dev.ctx.keyservice.custody;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The associated data a sealed private key is bound to: {@code "ctx.key-custody.v1"}, then the participant id (u16
 * length + UTF-8) and the key version (u32, big-endian). Moving a sealed key to another participant or version fails to
 * open.
 */
final class CustodyAad {

    private static final byte[] LABEL = "ctx.key-custody.v1".getBytes(StandardCharsets.US_ASCII);

    private CustodyAad() {}

    static byte[] of(String participantId, int keyVersion) {
        byte[] id = participantId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(LABEL.length + id.length + 6);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(LABEL);
            out.writeShort(id.length);
            out.write(id);
            out.writeInt(keyVersion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
