package dev.ctx.keyservice.store;

import java.util.List;

import dev.ctx.keyservice.participants.KeyVersion;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.schemas.keys.KeyringPublicKeys;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.PublicKeyVersion;

/** Maps a {@link Participant} to and from the public {@link ParticipantKeyring} record. */
final class KeyringMapper {

    private KeyringMapper() {}

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
                .setAlgorithm(KeyringPublicKeys.X25519)
                .setPublicKey(KeyringPublicKeys.encoded(k.publicKey()))
                .setCreatedAt(k.createdAt())
                .setStatus(k.status())
                .build();
    }

    static Participant fromAvro(ParticipantKeyring r) {
        return new Participant(
                ParticipantId.fromStore(r.getParticipantId()),
                r.getRole(),
                r.getStatus(),
                r.getKycStatus(),
                List.copyOf(r.getAllowedPurposes()),
                r.getCurrentVersion(),
                r.getKeys().stream().map(KeyringMapper::fromAvro).toList(),
                r.getRevision(),
                r.getUpdatedAt());
    }

    private static KeyVersion fromAvro(PublicKeyVersion k) {
        return new KeyVersion(k.getVersion(), KeyringPublicKeys.x25519(k), k.getCreatedAt(), k.getStatus());
    }
}
