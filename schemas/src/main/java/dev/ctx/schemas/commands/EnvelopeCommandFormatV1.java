package dev.ctx.schemas.commands;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The value layout of {@code transactions.envelope-commands}, version 1, big-endian (docs/revocation-and-shredding.md,
 * "Command layout"):
 *
 * <pre>
 * u8  version = 0x01
 * u8  kind (0x01 REVOKE_ACCESS, 0x02 SHRED)
 * 16  command id (UUID, most significant 8 bytes first)
 * i64 issuedAt, epoch milliseconds
 * u16 length + UTF-8 transactionId   (1..256 characters)
 * u16 length + UTF-8 participantId   (empty for SHRED)
 * u16 length + UTF-8 requester
 * u16 length + UTF-8 reason          (1..512 characters)
 * </pre>
 *
 * Nothing may follow. A value that breaks any rule is refused with {@link EnvelopeCommandFormatException}.
 */
public final class EnvelopeCommandFormatV1 {

    /** The version byte. */
    public static final byte VERSION = 0x01;

    private static final int MAX_STRING_BYTES = 0xFFFF;

    private EnvelopeCommandFormatV1() {}

    /** The layout of {@code command}. */
    public static byte[] encode(EnvelopeCommand command) {
        byte[] transactionId = utf8(command.transactionId());
        byte[] participantId = utf8(command.participantId());
        byte[] requester = utf8(command.requester());
        byte[] reason = utf8(command.reason());
        ByteBuffer out = ByteBuffer.allocate(
                2 + 16 + 8 + 8 + transactionId.length + participantId.length + requester.length + reason.length);
        out.put(VERSION);
        out.put((byte) command.kind().code());
        out.putLong(command.commandId().getMostSignificantBits());
        out.putLong(command.commandId().getLeastSignificantBits());
        out.putLong(command.issuedAt().toEpochMilli());
        putString(out, transactionId);
        putString(out, participantId);
        putString(out, requester);
        putString(out, reason);
        return out.array();
    }

    /**
     * The command in {@code value}.
     *
     * @throws EnvelopeCommandFormatException if the value is not a complete version-1 command
     */
    public static EnvelopeCommand decode(byte[] value) {
        if (value == null || value.length < 2) {
            throw new EnvelopeCommandFormatException("command value too short");
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        byte version = in.get();
        if (version != VERSION) {
            throw new EnvelopeCommandFormatException(
                    "unknown command layout version 0x" + Integer.toHexString(version));
        }
        try {
            EnvelopeCommandKind kind = EnvelopeCommandKind.ofCode(Byte.toUnsignedInt(in.get()));
            UUID id = new UUID(in.getLong(), in.getLong());
            Instant issuedAt = Instant.ofEpochMilli(in.getLong());
            String transactionId = getString(in);
            String participantId = getString(in);
            String requester = getString(in);
            String reason = getString(in);
            if (in.hasRemaining()) {
                throw new EnvelopeCommandFormatException("trailing bytes after the command");
            }
            return new EnvelopeCommand(id, kind, transactionId, participantId, requester, reason, issuedAt);
        } catch (BufferUnderflowException e) {
            throw new EnvelopeCommandFormatException("command value truncated");
        } catch (IllegalArgumentException e) {
            throw new EnvelopeCommandFormatException("invalid command: " + e.getMessage());
        }
    }

    private static byte[] utf8(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("a command string is longer than " + MAX_STRING_BYTES + " bytes");
        }
        return bytes;
    }

    private static void putString(ByteBuffer out, byte[] bytes) {
        out.putShort((short) bytes.length);
        out.put(bytes);
    }

    private static String getString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] bytes = new byte[length];
        in.get(bytes);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new EnvelopeCommandFormatException("a command string is not UTF-8");
        }
    }
}
