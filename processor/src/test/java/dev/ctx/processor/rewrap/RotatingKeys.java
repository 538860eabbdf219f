package dev.ctx.processor.rewrap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.PublicKeyVersion;

/**
 * The keys of {@link TestKeyrings} (version {@link TestKeyrings#KEY_VERSION}) plus the versions a test rotates to: a
 * rotation adds a fresh X25519 key pair and yields the participant's next signed keyring.
 */
final class RotatingKeys {

    private final TestKeyrings base;
    private final Map<String, Map<Integer, X25519KeyPair>> rotated = new HashMap<>();
    private final Map<String, Integer> current = new HashMap<>();
    private final Map<String, Set<Integer>> retired = new HashMap<>();
    private long revision = TestKeyrings.KEY_VERSION;

    RotatingKeys(TestKeyrings base) {
        this.base = base;
    }

    /**
     * Adds the participant's next key version and returns its signed keyring (old versions stay listed and ACTIVE, as
     * the key service leaves them until the job retires them).
     */
    ParticipantKeyring rotate(String participant) {
        int next = current.getOrDefault(participant, TestKeyrings.KEY_VERSION) + 1;
        X25519KeyPair pair = X25519KeyPair.generate();
        rotated.computeIfAbsent(participant, id -> new HashMap<>()).put(next, pair);
        current.put(participant, next);
        return keyring(participant);
    }

    /** The participant's signed keyring with {@code version} RETIRED (what the key service publishes on retire). */
    ParticipantKeyring retire(String participant, int version) {
        retired.computeIfAbsent(participant, id -> new HashSet<>()).add(version);
        return keyring(participant);
    }

    private ParticipantKeyring keyring(String participant) {
        int next = current.getOrDefault(participant, TestKeyrings.KEY_VERSION);
        Set<Integer> retiredVersions = retired.getOrDefault(participant, Set.of());
        ParticipantKeyring unsigned = base.unsigned(participant);
        List<PublicKeyVersion> keys = new ArrayList<>(unsigned.getKeys());
        rotated.getOrDefault(participant, Map.of())
                .forEach((version, keyPair) -> keys.add(TestKeyrings.key(
                        version, KeyStatus.ACTIVE, keyPair.publicKey().bytes())));
        keys.replaceAll(key -> retiredVersions.contains(key.getVersion())
                ? PublicKeyVersion.newBuilder(key).setStatus(KeyStatus.RETIRED).build()
                : key);
        revision++;
        return TestKeyrings.sign(ParticipantKeyring.newBuilder(unsigned)
                .setCurrentVersion(next)
                .setKeys(keys)
                .setRevision(revision)
                .build());
    }

    /** The private key of {@code participant} at {@code version}, or {@code null} if there is none. */
    RecipientPrivateKey privateKey(String participant, int version) {
        if (version == TestKeyrings.KEY_VERSION) {
            return base.privateKey(participant);
        }
        X25519KeyPair pair = rotated.getOrDefault(participant, Map.of()).get(version);
        return pair == null ? null : RecipientPrivateKey.of(participant, version, pair.privateKey());
    }
}
