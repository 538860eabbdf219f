package dev.ctx.client.keyfile;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

import javax.security.auth.Destroyable;

import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.key.X25519PublicKey;

/**
 * A participant's own X25519 key as held in its key file ({@code ctx-x25519-private-key/v1},
 * {@code docs/participant-key-file.md}): participant id, key version (absent until the key service accepted the key's
 * proof of possession) and the private key handle. Thread-safe; {@link #destroy()} zeroes the key;
 * {@link #toString()} is redacted.
 */
public final class ParticipantKeyFile implements Destroyable {

    /** The value of the file's {@code format} member. */
    public static final String FORMAT = "ctx-x25519-private-key/v1";

    private final String participantId;
    private final OptionalInt keyVersion;
    private final X25519PrivateKey privateKey;

    ParticipantKeyFile(String participantId, OptionalInt keyVersion, X25519PrivateKey privateKey) {
        this.participantId = Objects.requireNonNull(participantId, "participantId");
        this.keyVersion = Objects.requireNonNull(keyVersion, "keyVersion");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    /**
     * Generates a fresh key for {@code participantId} and writes it to {@code file} (created owner-only; an existing
     * file is never overwritten). The key version stays absent until {@link #recordKeyVersion}.
     *
     * @throws KeyFileException if the file exists or cannot be written
     */
    public static ParticipantKeyFile generate(Path file, String participantId) {
        return KeyFileCodec.generate(file, participantId);
    }

    /**
     * Reads {@code file}, refusing one that group or others may access, and checks that its public key is its private
     * key's.
     *
     * @throws KeyFileException if the file is unprotected, unreadable, malformed or inconsistent
     */
    public static ParticipantKeyFile read(Path file) {
        return KeyFileCodec.parse(OwnerOnlyFiles.read(file), file.toString());
    }

    /** Parses the file's content ({@code source} names it in errors); no permission check. */
    public static ParticipantKeyFile parse(byte[] content, String source) {
        return KeyFileCodec.parse(content, source);
    }

    /**
     * Records in {@code file} the key version the key service assigned on registration; rewrites the file atomically,
     * owner-only, and returns it as read back.
     */
    public static ParticipantKeyFile recordKeyVersion(Path file, int keyVersion) {
        OwnerOnlyFiles.replace(
                file, KeyFileCodec.withKeyVersion(OwnerOnlyFiles.read(file), keyVersion, file.toString()));
        return read(file);
    }

    public String participantId() {
        return participantId;
    }

    /** The registered key version; empty for a key not (yet) registered. */
    public OptionalInt keyVersion() {
        return keyVersion;
    }

    public X25519PublicKey publicKey() {
        return privateKey.publicKey();
    }

    /** The private key handle (shared with this file object: destroying one destroys both). */
    public X25519PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * The key labelled with its participant id and version, for opening wraps.
     *
     * @throws KeyFileException if the file records no key version yet (run {@code ctx keys register-own} first)
     */
    public RecipientPrivateKey recipientKey() {
        int version = keyVersion.orElseThrow(() -> new KeyFileException("the key file of " + participantId
                + " records no key version: register the key first (ctx keys register-own)"));
        return RecipientPrivateKey.of(participantId, version, privateKey);
    }

    @Override
    public void destroy() {
        privateKey.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return privateKey.isDestroyed();
    }

    @Override
    public String toString() {
        return "ParticipantKeyFile[participant=" + participantId + ", keyVersion="
                + (keyVersion.isPresent() ? keyVersion.getAsInt() : "unregistered") + ", key=<redacted>]";
    }
}
