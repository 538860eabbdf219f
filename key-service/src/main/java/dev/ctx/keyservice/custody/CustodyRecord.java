package dev.ctx.keyservice.custody;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The value of the compacted {@code key-custody} topic for one participant: every sealed private key version it still
 * holds, ordered by version, and the versions whose private key the participant holds itself (BYOK: no sealed key
 * here, ever). Immutable.
 *
 * @param participantId the participant (also the record key)
 * @param keys sealed key versions, ascending, no duplicates
 * @param participantHeldVersions versions registered with a proof of possession, ascending, none of them sealed in
 *        {@code keys}
 */
public record CustodyRecord(String participantId, List<SealedPrivateKey> keys, List<Integer> participantHeldVersions) {

    public CustodyRecord {
        Objects.requireNonNull(participantId, "participantId");
        keys = keys.stream()
                .sorted(Comparator.comparingInt(SealedPrivateKey::keyVersion))
                .toList();
        if (keys.stream().map(SealedPrivateKey::keyVersion).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("duplicate key version in custody record of " + participantId);
        }
        participantHeldVersions =
                participantHeldVersions.stream().sorted().distinct().toList();
        List<Integer> sealed = keys.stream().map(SealedPrivateKey::keyVersion).toList();
        if (participantHeldVersions.stream().anyMatch(v -> v < 1 || sealed.contains(v))) {
            throw new IllegalArgumentException("participant-held version invalid or sealed too, for " + participantId);
        }
    }

    /** A record without participant-held versions. */
    public CustodyRecord(String participantId, List<SealedPrivateKey> keys) {
        this(participantId, keys, List.of());
    }

    public static CustodyRecord empty(String participantId) {
        return new CustodyRecord(participantId, List.of());
    }

    public Optional<SealedPrivateKey> version(int keyVersion) {
        return keys.stream().filter(k -> k.keyVersion() == keyVersion).findFirst();
    }

    public CustodyRecord with(SealedPrivateKey key) {
        return new CustodyRecord(
                participantId,
                Stream.concat(without(key.keyVersion()).keys.stream(), Stream.of(key))
                        .toList(),
                participantHeldVersions);
    }

    /** Without the sealed key of {@code keyVersion}; a participant-held mark stays (it names no secret). */
    public CustodyRecord without(int keyVersion) {
        return new CustodyRecord(
                participantId,
                keys.stream().filter(k -> k.keyVersion() != keyVersion).toList(),
                participantHeldVersions);
    }

    /** Marks {@code keyVersion} as held by the participant: this service never has its private key. */
    public CustodyRecord withParticipantHeld(int keyVersion) {
        return new CustodyRecord(
                participantId,
                keys,
                Stream.concat(participantHeldVersions.stream(), Stream.of(keyVersion))
                        .toList());
    }

    /** Whether the participant holds the private key of {@code keyVersion} itself (BYOK). */
    public boolean isParticipantHeld(int keyVersion) {
        return participantHeldVersions.contains(keyVersion);
    }
}
