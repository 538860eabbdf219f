package dev.ctx.keyservice.custody;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The value of the compacted {@code key-custody} topic for one participant: every sealed private key version it still
 * holds, ordered by version. Immutable.
 *
 * @param participantId the participant (also the record key)
 * @param keys sealed key versions, ascending, no duplicates
 */
public record CustodyRecord(String participantId, List<SealedPrivateKey> keys) {

    public CustodyRecord {
        Objects.requireNonNull(participantId, "participantId");
        keys = keys.stream().sorted(Comparator.comparingInt(SealedPrivateKey::keyVersion)).toList();
        if (keys.stream().map(SealedPrivateKey::keyVersion).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("duplicate key version in custody record of " + participantId);
        }
    }

    public static CustodyRecord empty(String participantId) {
        return new CustodyRecord(participantId, List.of());
    }

    public Optional<SealedPrivateKey> version(int keyVersion) {
        return keys.stream().filter(k -> k.keyVersion() == keyVersion).findFirst();
    }

    public CustodyRecord with(SealedPrivateKey key) {
        return new CustodyRecord(participantId, Stream.concat(without(key.keyVersion()).keys.stream(), Stream.of(key)).toList());
    }

    public CustodyRecord without(int keyVersion) {
        return new CustodyRecord(participantId, keys.stream().filter(k -> k.keyVersion() != keyVersion).toList());
    }
}
