package dev.ctx.client.keyfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ctx.envelope.format.Recipients;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.key.X25519PublicKey;

/** The JSON of a {@code ctx-x25519-private-key/v1} file: encoding, strict parsing and key generation. */
final class KeyFileCodec {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> MEMBERS =
            Set.of("format", "participantId", "keyVersion", "createdAt", "publicKey", "privateKey");

    private KeyFileCodec() {}

    static ParticipantKeyFile generate(Path file, String participantId) {
        byte[] scalar = new byte[X25519PrivateKey.LENGTH];
        RANDOM.nextBytes(scalar);
        clamp(scalar);
        try {
            OwnerOnlyFiles.createNew(
                    file,
                    encode(participantId, OptionalInt.empty(), Instant.now().truncatedTo(ChronoUnit.SECONDS), scalar));
            return new ParticipantKeyFile(participantId, OptionalInt.empty(), X25519PrivateKey.takeCopyOf(scalar));
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** RFC 7748 §5 clamping, so the stored scalar is the one X25519 uses. */
    static void clamp(byte[] scalar) {
        scalar[0] &= (byte) 0xF8;
        scalar[31] &= (byte) 0x7F;
        scalar[31] |= (byte) 0x40;
    }

    /** The file content; {@code scalar} is only read. */
    static byte[] encode(String participantId, OptionalInt keyVersion, Instant createdAt, byte[] scalar) {
        X25519PrivateKey key = X25519PrivateKey.takeCopyOf(scalar);
        try {
            ObjectNode json = JSON.createObjectNode();
            json.put("format", ParticipantKeyFile.FORMAT);
            json.put("participantId", Recipients.checkId(participantId));
            if (keyVersion.isPresent()) {
                json.put("keyVersion", keyVersion.getAsInt());
            } else {
                json.putNull("keyVersion");
            }
            json.put("createdAt", createdAt.toString());
            json.put(
                    "publicKey",
                    Base64.getEncoder().encodeToString(key.publicKey().bytes()));
            json.put("privateKey", Base64.getEncoder().encodeToString(scalar));
            return (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new KeyFileException("cannot encode the key file of " + participantId, e);
        } finally {
            key.destroy();
        }
    }

    static ParticipantKeyFile parse(byte[] content, String source) {
        ObjectNode json = object(content, source);
        requireMember(json, "format", source);
        String format = json.path("format").asText();
        if (!ParticipantKeyFile.FORMAT.equals(format)) {
            throw new KeyFileException(
                    source + ": unknown key file format '" + format + "' (expected " + ParticipantKeyFile.FORMAT + ")");
        }
        requireKnownMembers(json, source);
        String participantId = text(json, "participantId", source);
        OptionalInt keyVersion = keyVersion(json, source);
        X25519PublicKey publicKey = X25519PublicKey.of(key(json, "publicKey", source));
        X25519PrivateKey privateKey = X25519PrivateKey.takeOwnershipOf(key(json, "privateKey", source));
        if (!publicKey.equals(privateKey.publicKey())) {
            privateKey.destroy();
            throw new KeyFileException(source + ": publicKey is not the public key of privateKey");
        }
        return new ParticipantKeyFile(participantId, keyVersion, privateKey);
    }

    static byte[] withKeyVersion(byte[] content, int keyVersion, String source) {
        ObjectNode json = object(content, source);
        parse(content, source).destroy();
        json.put("keyVersion", Recipients.checkKeyVersion(keyVersion));
        try {
            return (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new KeyFileException("cannot encode " + source, e);
        }
    }

    private static ObjectNode object(byte[] content, String source) {
        try {
            JsonNode json = JSON.readTree(content);
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // the location only: the parser's message may quote the key's characters
            throw new KeyFileException(source + " is not JSON"
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new KeyFileException(source + " cannot be read as JSON", e);
        }
        throw new KeyFileException(source + " is not a JSON object");
    }

    private static void requireKnownMembers(ObjectNode json, String source) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new KeyFileException(source + ": unknown member '" + name + "'");
            }
        }
    }

    private static void requireMember(ObjectNode json, String name, String source) {
        if (!json.hasNonNull(name)) {
            throw new KeyFileException(source + ": missing member '" + name + "'");
        }
    }

    private static String text(ObjectNode json, String name, String source) {
        requireMember(json, name, source);
        if (!json.get(name).isTextual() || json.get(name).asText().isEmpty()) {
            throw new KeyFileException(source + ": '" + name + "' must be a non-empty string");
        }
        return json.get(name).asText();
    }

    private static OptionalInt keyVersion(ObjectNode json, String source) {
        JsonNode version = json.path("keyVersion");
        if (version.isNull() || version.isMissingNode()) {
            return OptionalInt.empty();
        }
        if (!version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
            throw new KeyFileException(source + ": 'keyVersion' must be a positive integer or null");
        }
        return OptionalInt.of(version.intValue());
    }

    /** The 32 key bytes of member {@code name}; the message never quotes the value. */
    private static byte[] key(ObjectNode json, String name, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text(json, name, source));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(source + ": '" + name + "' is not base64");
        }
        if (bytes.length != X25519PrivateKey.LENGTH) {
            Arrays.fill(bytes, (byte) 0);
            throw new KeyFileException(source + ": '" + name + "' must decode to " + X25519PrivateKey.LENGTH
                    + " bytes, got " + bytes.length);
        }
        return bytes;
    }
}
