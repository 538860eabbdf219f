package dev.ctx.testkit.auditlog;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/** A throwaway Ed25519 audit signing key with its id; its private half never leaves the test JVM. */
public final class FixtureSigner {

    private final String keyId;
    private final KeyPair keyPair;

    private FixtureSigner(String keyId, KeyPair keyPair) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.keyPair = keyPair;
    }

    /** A fresh key called {@code keyId}. */
    public static FixtureSigner generate(String keyId) {
        try {
            return new FixtureSigner(
                    keyId, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 17", e);
        }
    }

    /** The key id checkpoints name. */
    public String keyId() {
        return keyId;
    }

    /** The Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keyPair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The base64 of the raw 32-byte public key, as {@code GET /v1/audit/signing-keys} publishes it. */
    public String publicKeyBase64() {
        byte[] encoded = keyPair.getPublic().getEncoded();
        byte[] raw = new byte[32];
        System.arraycopy(encoded, encoded.length - raw.length, raw, 0, raw.length);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** The {@code {"keys":[...]}} document publishing {@code signers} (the first CURRENT, the others RETIRED). */
    public static String keysJson(FixtureSigner... signers) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < signers.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"keyId\":\"")
                    .append(signers[i].keyId)
                    .append("\",\"algorithm\":\"Ed25519\",\"publicKey\":\"")
                    .append(signers[i].publicKeyBase64())
                    .append("\",\"status\":\"")
                    .append(i == 0 ? "CURRENT" : "RETIRED")
                    .append("\",\"createdAt\":\"2026-01-01T00:00:00Z\"}");
        }
        return json.append("]}").toString();
    }

    @Override
    public String toString() {
        return "FixtureSigner[" + keyId + "]";
    }
}
