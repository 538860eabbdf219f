package dev.ctx.processor.rewrap;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;

/**
 * The one place that decides a retirement (it runs in the task of partition 0 only): it reads the committed progress
 * records of every partition (a global store over the progress topic) and asks the key service to retire a
 * participant's old version only when <b>every</b> partition {@code 0..partitions-1} of {@code transactions.envelopes}
 * has reported zero envelopes under it, the participant's verified keyring still shows it ACTIVE and it is not the
 * current version. It holds no state that a crash could lose: after a restart it decides again from the topic and the
 * keyring, and retiring a version twice is harmless (the key service answers 409, the keyring already says RETIRED).
 */
final class RetirementDecider {

    private static final Logger LOGGER = LoggerFactory.getLogger(RetirementDecider.class);

    /** Every partition's record of one (participant, version). */
    private static final class Tally {
        private final Map<Integer, Long> remaining = new TreeMap<>();

        boolean allZeroOver(int partitions) {
            for (int partition = 0; partition < partitions; partition++) {
                if (!remaining.containsKey(partition)) {
                    return false;
                }
            }
            return remaining.values().stream().allMatch(count -> count == 0);
        }
    }

    private record Version(String participant, int version) {}

    private final ReadOnlyKeyValueStore<String, byte[]> progress;
    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> keyrings;
    private final RewrapSettings settings;
    private final Set<Version> asked = new HashSet<>();

    RetirementDecider(
            ReadOnlyKeyValueStore<String, byte[]> progress,
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> keyrings,
            RewrapSettings settings) {
        this.progress = progress;
        this.keyrings = keyrings;
        this.settings = settings;
    }

    /** Retires every version that all partitions report at zero; stops at the first unavailable answer. */
    void decide() {
        for (Map.Entry<Version, Tally> entry : tallies().entrySet()) {
            Version version = entry.getKey();
            if (!asked.contains(version)
                    && entry.getValue().allZeroOver(settings.envelopePartitions())
                    && retirable(version)
                    && !retire(version)) {
                return;
            }
        }
    }

    private Map<Version, Tally> tallies() {
        Map<Version, Tally> tallies = new LinkedHashMap<>();
        try (KeyValueIterator<String, byte[]> all = progress.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> record = all.next();
                RewrapProgress.parse(record.key, record.value)
                        .ifPresent(parsed -> tallies.computeIfAbsent(
                                        new Version(parsed.participant(), parsed.version()), key -> new Tally())
                                .remaining
                                .put(parsed.partition(), parsed.remaining()));
            }
        }
        return tallies;
    }

    /** ACTIVE and not current in the participant's (or the escrow key's) verified keyring. */
    private boolean retirable(Version version) {
        ValueAndTimestamp<ParticipantKeyring> held = keyrings.get(version.participant());
        if (held == null
                || RotationWatch.activeVersion(version.participant(), held.value())
                        .isEmpty()) {
            return false;
        }
        ParticipantKeyring keyring = held.value();
        return keyring.getCurrentVersion() != version.version()
                && keyring.getKeys().stream()
                        .anyMatch(key -> key.getVersion() == version.version() && key.getStatus() == KeyStatus.ACTIVE);
    }

    /** False if the key service is unavailable (try again next punctuation). */
    private boolean retire(Version version) {
        try {
            settings.client().retire(version.participant(), version.version());
            asked.add(version);
            settings.metrics().retired(version.participant());
            LOGGER.atInfo()
                    .addKeyValue("participant", version.participant())
                    .addKeyValue("keyVersion", version.version())
                    .log("no envelope wraps under the old key version on any partition; retired");
            return true;
        } catch (RewrapVersionConflictException conflict) {
            asked.add(version);
            warn(version, "key service refused the retirement (409); not asked again until a restart");
            return true;
        } catch (RewrapUnavailableException unavailable) {
            warn(version, "key service unavailable; the retirement is asked again next punctuation");
            return false;
        }
    }

    private static void warn(Version version, String message) {
        LOGGER.atWarn()
                .addKeyValue("participant", version.participant())
                .addKeyValue("keyVersion", version.version())
                .log(message);
    }
}
