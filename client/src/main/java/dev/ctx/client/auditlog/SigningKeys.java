package dev.ctx.client.auditlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;

/**
 * The audit signing keys a verifier trusts: the JSON of {@code GET /v1/audit/signing-keys}
 * ({@code {"keys":[{"keyId","algorithm":"Ed25519","publicKey":"<base64 raw 32 bytes>","status","createdAt"}]}}), from
 * the key service or a file. Only Ed25519 keys are accepted.
 */
public final class SigningKeys {

    /** The only algorithm of checkpoint signatures (RFC 8032, pure). */
    public static final String ED25519 = "Ed25519";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw Ed25519 key (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final int RAW_KEY_LENGTH = 32;

    private final List<SigningKey> keys;
    private final Map<String, PublicKey> publicKeys;
    /** The same keys decoded once for BouncyCastle's Ed25519, ~7x faster per verification than the JDK's. */
    private final Map<String, Ed25519VerifyingKey> verifyingKeys;

    private SigningKeys(List<SigningKey> keys) {
        this.keys = List.copyOf(keys);
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        Map<String, Ed25519VerifyingKey> verifying = new LinkedHashMap<>();
        for (SigningKey key : keys) {
            if (!ED25519.equals(key.algorithm())) {
                throw new SigningKeysException(
                        "signing key " + key.keyId() + ": algorithm " + key.algorithm() + " is not " + ED25519);
            }
            byte[] raw = raw(key);
            byId.put(key.keyId(), publicKey(key, raw));
            verifying.put(key.keyId(), verifyingKey(key, raw));
        }
        this.publicKeys = byId;
        this.verifyingKeys = verifying;
    }

    /** The keys given. */
    public static SigningKeys of(List<SigningKey> keys) {
        return new SigningKeys(keys);
    }

    /** The keys of a {@code {"keys":[...]}} document. */
    public static SigningKeys parse(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode array = root == null ? null : root.get("keys");
            if (array == null || !array.isArray()) {
                throw new SigningKeysException("signing keys: no \"keys\" array");
            }
            return fromArray(array);
        } catch (IOException e) {
            throw new SigningKeysException("signing keys: not JSON", e);
        }
    }

    /** The keys of a {@code {"keys":[...]}} file. */
    public static SigningKeys read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    static SigningKeys fromArray(JsonNode array) {
        List<SigningKey> keys = new ArrayList<>();
        for (JsonNode key : array) {
            keys.add(new SigningKey(
                    required(key, "keyId"),
                    required(key, "algorithm"),
                    required(key, "publicKey"),
                    key.path("status").asText("CURRENT"),
                    key.path("createdAt").asText("")));
        }
        return new SigningKeys(keys);
    }

    /** The keys, in the order given. */
    public List<SigningKey> keys() {
        return keys;
    }

    /** Whether {@code keyId} is published. */
    public boolean knows(String keyId) {
        return publicKeys.containsKey(keyId);
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} under the key {@code keyId}. */
    public boolean verifies(String keyId, byte[] message, byte[] signature) {
        Ed25519VerifyingKey key = verifyingKeys.get(keyId);
        return key != null && key.verify(message, signature);
    }

    /** The {@code {"keys":[...]}} document of these keys. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.set("keys", toJsonArray());
        return root;
    }

    ArrayNode toJsonArray() {
        ArrayNode array = JSON.createArrayNode();
        for (SigningKey key : keys) {
            array.addObject()
                    .put("keyId", key.keyId())
                    .put("algorithm", key.algorithm())
                    .put("publicKey", key.publicKey())
                    .put("status", key.status())
                    .put("createdAt", key.createdAt());
        }
        return array;
    }

    /** The base64 of the raw 32-byte form of an Ed25519 public key (the form the key list publishes). */
    public static String rawBase64(PublicKey ed25519) {
        byte[] encoded = ed25519.getEncoded();
        byte[] raw = new byte[RAW_KEY_LENGTH];
        System.arraycopy(encoded, encoded.length - RAW_KEY_LENGTH, raw, 0, RAW_KEY_LENGTH);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static byte[] raw(SigningKey key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key.publicKey());
        } catch (IllegalArgumentException e) {
            throw new SigningKeysException("signing key " + key.keyId() + ": publicKey is not base64", e);
        }
        if (raw.length != RAW_KEY_LENGTH) {
            throw new SigningKeysException(
                    "signing key " + key.keyId() + ": publicKey has " + raw.length + " bytes, not " + RAW_KEY_LENGTH);
        }
        return raw;
    }

    /** Refuses a point outside the prime-order subgroup (small order, non-canonical), which the JDK would take. */
    private static Ed25519VerifyingKey verifyingKey(SigningKey key, byte[] raw) {
        try {
            return Ed25519VerifyingKey.of(raw);
        } catch (InvalidInputException e) {
            throw new SigningKeysException("signing key " + key.keyId() + ": not an Ed25519 public key", e);
        }
    }

    private static PublicKey publicKey(SigningKey key, byte[] raw) {
        byte[] spki = new byte[X509_PREFIX.length + RAW_KEY_LENGTH];
        System.arraycopy(X509_PREFIX, 0, spki, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, spki, X509_PREFIX.length, RAW_KEY_LENGTH);
        try {
            return KeyFactory.getInstance(ED25519).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new SigningKeysException("signing key " + key.keyId() + ": not an Ed25519 public key", e);
        }
    }

    private static String required(JsonNode key, String field) {
        JsonNode value = key.get(field);
        if (value == null || !value.isTextual()) {
            throw new SigningKeysException("signing key: missing \"" + field + "\"");
        }
        return value.asText();
    }
}
