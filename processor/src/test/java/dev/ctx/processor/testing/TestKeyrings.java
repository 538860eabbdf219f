package dev.ctx.processor.testing;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.keys.KeyringTrust;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;
import dev.ctx.schemas.keys.PublicKeyVersion;
import dev.ctx.schemas.keys.signing.KeyringSigningInput;

/**
 * Real X25519 key pairs for test participants and the escrow, with their public keyring records signed like the key
 * service signs them. The keyring-signing key and the escrow key are fixed for every test, so one pin
 * ({@link #trust()}, {@link #pins()}) fits every instance.
 */
public final class TestKeyrings {

    /** The test stand-in for the key service's keyring-signing key (RFC 8032 test vector 1 seed). */
    public static final Ed25519SigningKey SIGNING_KEY = Ed25519SigningKey.takeOwnershipOf(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    private static final byte[] ESCROW_SCALAR =
            HexFormat.of().parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    /** The one escrow key of every test. */
    public static final X25519KeyPair ESCROW = X25519KeyPair.of(X25519PrivateKey.takeCopyOf(ESCROW_SCALAR));

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    /** Key version of every generated key. */
    public static final int KEY_VERSION = 3;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, X25519KeyPair> pairs = new LinkedHashMap<>();
    private final Map<String, byte[]> scalars = new LinkedHashMap<>();

    /** Key pairs for {@code participants} and the escrow. */
    public static TestKeyrings forParticipants(Collection<String> participants) {
        TestKeyrings keyrings = new TestKeyrings();
        participants.forEach(id -> {
            byte[] scalar = new byte[X25519PrivateKey.LENGTH];
            RANDOM.nextBytes(scalar);
            keyrings.scalars.put(id, scalar);
            keyrings.pairs.put(id, X25519KeyPair.of(X25519PrivateKey.takeCopyOf(scalar)));
        });
        keyrings.scalars.put(Recipient.ESCROW_ID, ESCROW_SCALAR.clone());
        keyrings.pairs.put(Recipient.ESCROW_ID, ESCROW);
        return keyrings;
    }

    /** The private-key bytes of every participant and the escrow, for leak scans (copies). */
    public Map<String, byte[]> privateKeyBytes() {
        Map<String, byte[]> copies = new LinkedHashMap<>();
        scalars.forEach((id, scalar) -> copies.put(id, scalar.clone()));
        return copies;
    }

    /** Every keyring (participants ACTIVE and KYC VERIFIED, escrow ACTIVE with role ESCROW). */
    public Map<String, ParticipantKeyring> all() {
        Map<String, ParticipantKeyring> all = new LinkedHashMap<>();
        pairs.keySet().forEach(id -> all.put(id, keyring(id)));
        return all;
    }

    /** The valid, signed keyring of {@code id}. */
    public ParticipantKeyring keyring(String id) {
        return sign(unsigned(id));
    }

    /** The keyring of {@code id} without a signature. */
    public ParticipantKeyring unsigned(String id) {
        boolean escrow = Recipient.ESCROW_ID.equals(id);
        return ParticipantKeyring.newBuilder()
                .setParticipantId(id)
                .setRole(escrow ? ParticipantRole.ESCROW : ParticipantRole.CLIENT)
                .setStatus(ParticipantStatus.ACTIVE)
                .setKycStatus(escrow ? KycStatus.UNKNOWN : KycStatus.VERIFIED)
                .setCurrentVersion(KEY_VERSION)
                .setKeys(List.of(
                        key(
                                KEY_VERSION - 1,
                                KeyStatus.RETIRED,
                                pairs.get(id).publicKey().bytes()),
                        key(
                                KEY_VERSION,
                                KeyStatus.ACTIVE,
                                pairs.get(id).publicKey().bytes())))
                .setUpdatedAt(CREATED)
                .build();
    }

    /** {@code keyring} signed by {@link #SIGNING_KEY} (any earlier signature replaced), as the key service signs. */
    public static ParticipantKeyring sign(ParticipantKeyring keyring) {
        ParticipantKeyring withKeyId = ParticipantKeyring.newBuilder(keyring)
                .setSignatureKeyId(SIGNING_KEY.verifyingKey().fingerprint())
                .setSignature(null)
                .build();
        return KeyringSigningInput.withSignature(
                withKeyId, SIGNING_KEY.sign(KeyringSigningInput.canonicalBytes(withKeyId)));
    }

    /** The pins matching {@link #SIGNING_KEY} and {@link #ESCROW}. */
    public static KeyringTrust trust() {
        return new KeyringTrust(SIGNING_KEY.verifyingKey(), Set.of(escrowFingerprint()));
    }

    /** The processor configuration entries that pin {@link #SIGNING_KEY} and {@link #ESCROW}. */
    public static Map<String, String> pins() {
        return Map.of(
                ProcessorConfig.KEYRING_SIGNING_PUBLIC_KEY_CONFIG,
                Base64.getEncoder().encodeToString(SIGNING_KEY.verifyingKey().bytes()),
                ProcessorConfig.ESCROW_PUBLIC_KEY_FINGERPRINT_CONFIG,
                escrowFingerprint());
    }

    /** {@link #pins()} as properties-file lines. */
    public static String pinsProperties() {
        StringBuilder lines = new StringBuilder();
        pins().forEach((key, value) ->
                lines.append(key).append('=').append(value).append('\n'));
        return lines.toString();
    }

    /** {@link #pins()} as the {@code CTX_*} environment variables that override a configuration file. */
    public static Map<String, String> pinsEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        pins().forEach((key, value) ->
                env.put("CTX_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }

    /** SHA-256 of the escrow's X25519 public key, lower-case hex. */
    public static String escrowFingerprint() {
        return ESCROW.publicKey().fingerprint();
    }

    /** A public key version record. */
    public static PublicKeyVersion key(int version, KeyStatus status, byte[] publicKey) {
        return PublicKeyVersion.newBuilder()
                .setVersion(version)
                .setPublicKey(ByteBuffer.wrap(publicKey))
                .setCreatedAt(CREATED)
                .setStatus(status)
                .build();
    }

    /** The private key of {@code id} at {@link #KEY_VERSION}, for opening. */
    public RecipientPrivateKey privateKey(String id) {
        return RecipientPrivateKey.of(id, KEY_VERSION, pairs.get(id).privateKey());
    }
}
