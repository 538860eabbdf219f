package dev.ctx.processor.rewrap;

import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.processor.metrics.RewrapMetrics;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;

/**
 * Compares each verified keyring's current ACTIVE version with the version this task last acted on, and when it grew
 * queues every indexed envelope of that participant under an older version. A version that goes down (a stale or
 * replayed keyring) is never acted on. The escrow keyring ({@code __escrow}) is watched like any participant's: an
 * escrow rotation queues every envelope's escrow wrap (the key service rewraps it with the old escrow version).
 */
final class RotationWatch {

    private static final Logger LOGGER = LoggerFactory.getLogger(RotationWatch.class);

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> keyrings;
    private final KeyValueStore<String, Integer> rotations;
    private final EnvelopeIndex index;
    private final PendingRewraps pending;
    private final RewrapMetrics metrics;

    RotationWatch(
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> keyrings,
            KeyValueStore<String, Integer> rotations,
            EnvelopeIndex index,
            PendingRewraps pending,
            RewrapMetrics metrics) {
        this.metrics = metrics;
        this.keyrings = keyrings;
        this.rotations = rotations;
        this.index = index;
        this.pending = pending;
    }

    /** The current version acted on for {@code participant}, if any. */
    Optional<Integer> current(String participant) {
        return Optional.ofNullable(rotations.get(participant));
    }

    /** Acts on every keyring whose current ACTIVE version grew since the last check. */
    void check() {
        try (KeyValueIterator<String, ValueAndTimestamp<ParticipantKeyring>> all = keyrings.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<ParticipantKeyring>> entry = all.next();
                activeVersion(entry.key, entry.value.value()).ifPresent(version -> {
                    metrics.known(entry.key, RewrapFailures.CODES);
                    rotated(entry.key, version);
                });
            }
        }
    }

    private void rotated(String participant, int version) {
        Integer seen = rotations.get(participant);
        if (seen != null && seen >= version) {
            return;
        }
        rotations.put(participant, version);
        int queued = 0;
        for (String transactionId : index.olderThan(participant, version)) {
            pending.enqueue(participant, transactionId, version);
            queued++;
        }
        if (queued > 0) {
            LOGGER.atInfo()
                    .addKeyValue("participant", participant)
                    .addKeyValue("toVersion", version)
                    .addKeyValue("queued", queued)
                    .log("key version changed; envelopes under older versions queued for rewrap");
        }
    }

    /** The keyring's current version if that key is ACTIVE and the keyring is a trusted one (not the marker). */
    static Optional<Integer> activeVersion(String participant, ParticipantKeyring keyring) {
        if (keyring == null || !participant.equals(keyring.getParticipantId()) || keyring.getCurrentVersion() < 1) {
            return Optional.empty();
        }
        boolean active = keyring.getKeys().stream()
                .anyMatch(
                        key -> key.getVersion() == keyring.getCurrentVersion() && key.getStatus() == KeyStatus.ACTIVE);
        return active ? Optional.of(keyring.getCurrentVersion()) : Optional.empty();
    }
}
