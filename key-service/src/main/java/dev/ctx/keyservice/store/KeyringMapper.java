package dev.ctx.keyservice.store;

import java.nio.ByteBuffer;
import java.util.List;

import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.keyservice.registry.KeyVersion;
import dev.ctx.keyservice.registry.Participant;
import dev.ctx.keyservice.registry.ParticipantId;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.PublicKeyVersion;

/** Maps a {@link Participant} to and from the public {@link ParticipantKeyring} record. */
final class KeyringMapper {

    private static final String ALGORITHM = "X25519";

    private KeyringMapper() {
    }

    static ParticipantKeyring toAvro(Participant p) {
        return ParticipantKeyring.newBuilder()
                .setParticipantId(p.id().value())
                .setRole(p.role())
                .setStatus(p.status())
                .setKycStatus(p.kycStatus())
                .setAllowedPurposes(List.copyOf(p.allowedPurposes()))
                .setCurrentVersion(p.currentVersion())
                .setKeys(p.keys().stream().map(KeyringMapper::toAvro).toList())
                .setRevision(p.revision())
                .setUpdatedAt(p.updatedAt())
                .build();
    }

    private static PublicKeyVersion toAvro(KeyVersion k) {
        return PublicKeyVersion.newBuilder()
                .setVersion(k.version())
                .setAlgorithm(ALGORITHM)
                .setPublicKey(ByteBuffer.wrap(k.publicKey().bytes()))
                .setCreatedAt(k.createdAt())
                .setStatus(k.status())
                .build();
    }

    static Participant fromAvro(ParticipantKeyring r) {
        return new Participant(ParticipantId.fromStore(r.getParticipantId()), r.getRole(), r.getStatus(), r.getKycStatus(),
                List.copyOf(r.getAllowedPurposes()), r.getCurrentVersion(), r.getKeys().stream().map(KeyringMapper::fromAvro).toList(),
                r.getRevision(), r.getUpdatedAt());
    }

    private static KeyVersion fromAvro(PublicKeyVersion k) {
        ByteBuffer buffer = k.getPublicKey().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new KeyVersion(k.getVersion(), X25519PublicKey.of(bytes), k.getCreatedAt(), k.getStatus());
    }
}
