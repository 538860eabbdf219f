package dev.ctx.processor.testing;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.processor.keys.EscrowId;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;
import dev.ctx.schemas.keys.PublicKeyVersion;

/** Real X25519 key pairs for test participants and the escrow, with their public keyring records. */
public final class TestKeyrings {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    /** Key version of every generated key. */
    public static final int KEY_VERSION = 3;

    private final Map<String, X25519KeyPair> pairs = new LinkedHashMap<>();

    /** Key pairs for {@code participants} and the escrow. */
    public static TestKeyrings forParticipants(Collection<String> participants) {
        TestKeyrings keyrings = new TestKeyrings();
        participants.forEach(id -> keyrings.pairs.put(id, X25519KeyPair.generate()));
        keyrings.pairs.put(EscrowId.RESERVED, X25519KeyPair.generate());
        return keyrings;
    }

    /** Every keyring (participants ACTIVE and KYC VERIFIED, escrow ACTIVE with role ESCROW). */
    public Map<String, ParticipantKeyring> all() {
        Map<String, ParticipantKeyring> all = new LinkedHashMap<>();
        pairs.keySet().forEach(id -> all.put(id, keyring(id)));
        return all;
    }

    /** The valid keyring of {@code id}. */
    public ParticipantKeyring keyring(String id) {
        boolean escrow = EscrowId.RESERVED.equals(id);
        return ParticipantKeyring.newBuilder()
                .setParticipantId(id)
                .setRole(escrow ? ParticipantRole.ESCROW : ParticipantRole.CLIENT)
                .setStatus(ParticipantStatus.ACTIVE)
                .setKycStatus(escrow ? KycStatus.UNKNOWN : KycStatus.VERIFIED)
                .setCurrentVersion(KEY_VERSION)
                .setKeys(List.of(key(KEY_VERSION - 1, KeyStatus.RETIRED, pairs.get(id).publicKey().bytes()),
                        key(KEY_VERSION, KeyStatus.ACTIVE, pairs.get(id).publicKey().bytes())))
                .setUpdatedAt(CREATED)
                .build();
    }

    /** A public key version record. */
    public static PublicKeyVersion key(int version, KeyStatus status, byte[] publicKey) {
        return PublicKeyVersion.newBuilder().setVersion(version).setPublicKey(ByteBuffer.wrap(publicKey))
                .setCreatedAt(CREATED).setStatus(status).build();
    }

    /** The private key of {@code id} at {@link #KEY_VERSION}, for opening. */
    public RecipientPrivateKey privateKey(String id) {
        return RecipientPrivateKey.of(id, KEY_VERSION, pairs.get(id).privateKey());
    }
}
