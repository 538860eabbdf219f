package dev.ctx.keyservice.participants;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * A participant's registry entry and public keyring. Immutable; every change returns a copy with the revision bumped.
 *
 * @param id the participant id
 * @param role client, miner, auditor, compliance, or escrow for the audit escrow key
 * @param status ACTIVE, SUSPENDED or REVOKED
 * @param kycStatus KYC state
 * @param allowedPurposes purposes this participant may request access for
 * @param currentVersion the key version new envelopes use; 0 when none is usable
 * @param keys every key version, ascending
 * @param revision incremented on every write (optimistic concurrency for callers)
 * @param updatedAt time of the last write
 */
public record Participant(
        ParticipantId id,
        ParticipantRole role,
        ParticipantStatus status,
        KycStatus kycStatus,
        List<String> allowedPurposes,
        int currentVersion,
        List<KeyVersion> keys,
        long revision,
        Instant updatedAt) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kycStatus, "kycStatus");
        allowedPurposes = List.copyOf(allowedPurposes);
        keys = keys.stream()
                .sorted(Comparator.comparingInt(KeyVersion::version))
                .toList();
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A newly registered participant without keys, revision 1. */
    public static Participant registered(
            ParticipantId id, ParticipantRole role, KycStatus kyc, List<String> purposes, Instant now) {
        return new Participant(id, role, ParticipantStatus.ACTIVE, kyc, purposes, 0, List.of(), 1, now);
    }

    public Optional<KeyVersion> key(int version) {
        return keys.stream().filter(k -> k.version() == version).findFirst();
    }

    public Optional<KeyVersion> currentKey() {
        return key(currentVersion);
    }

    /** Whether max-age rotation is due: not revoked, and the current key was created at or before {@code cutoff}. */
    public boolean dueForRotation(Instant cutoff) {
        return status != ParticipantStatus.REVOKED
                && currentKey().map(k -> !k.createdAt().isAfter(cutoff)).orElse(false);
    }

    /** The next unused version: one more than the highest ever issued. */
    public int nextVersion() {
        return keys.stream().mapToInt(KeyVersion::version).max().orElse(0) + 1;
    }

    /** Adds {@code key} and makes it current. */
    public Participant withNewCurrentKey(KeyVersion key, Instant now) {
        return new Participant(
                id,
                role,
                status,
                kycStatus,
                allowedPurposes,
                key.version(),
                Stream.concat(keys.stream(), Stream.of(key)).toList(),
                revision + 1,
                now);
    }

    /** Sets the status of {@code version}; a current version that stops being ACTIVE leaves no current version. */
    public Participant withKeyStatus(int version, KeyStatus keyStatus, Instant now) {
        int current = version == currentVersion && keyStatus != KeyStatus.ACTIVE ? 0 : currentVersion;
        return new Participant(
                id,
                role,
                status,
                kycStatus,
                allowedPurposes,
                current,
                keys.stream()
                        .map(k -> k.version() == version ? k.withStatus(keyStatus) : k)
                        .toList(),
                revision + 1,
                now);
    }

    public Participant withRegistryFields(
            ParticipantStatus newStatus, KycStatus newKyc, List<String> purposes, Instant now) {
        return new Participant(id, role, newStatus, newKyc, purposes, currentVersion, keys, revision + 1, now);
    }
}
