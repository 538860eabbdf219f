package dev.ctx.processor.rewrap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import dev.ctx.envelope.Recipient;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.PublicKeyVersion;

/**
 * On each punctuation, for every verified keyring, drops the participant's wraps under each key version marked
 * {@code REVOKED} or {@code DESTROYED} from the envelopes this task holds (found by the (participant, key version)
 * index, no scan of the envelopes), at most {@link #MAX_PER_PUNCTUATION} envelopes per punctuation. Stateless: the
 * index itself says what is left, so a restart or a replayed keyring changes nothing. The untrusted marker (its
 * participant id is empty) is never acted on, nor is the escrow keyring (its wrap is the recovery path; the escrow
 * key rotates, it is not revoked per transaction).
 */
final class KeyRevocationWatch {

    /** Bounds one punctuation (local writes only, no remote call). */
    static final int MAX_PER_PUNCTUATION = 5_000;

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> keyrings;
    private final Revocations revocations;

    KeyRevocationWatch(
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> keyrings, Revocations revocations) {
        this.keyrings = keyrings;
        this.revocations = revocations;
    }

    void check(long now) {
        int budget = MAX_PER_PUNCTUATION;
        try (KeyValueIterator<String, ValueAndTimestamp<ParticipantKeyring>> all = keyrings.all()) {
            while (all.hasNext() && budget > 0) {
                KeyValue<String, ValueAndTimestamp<ParticipantKeyring>> entry = all.next();
                ParticipantKeyring keyring = entry.value == null ? null : entry.value.value();
                if (keyring == null
                        || !entry.key.equals(keyring.getParticipantId())
                        || Recipient.ESCROW_ID.equals(entry.key)) {
                    continue;
                }
                for (PublicKeyVersion key : keyring.getKeys()) {
                    if (budget > 0
                            && (key.getStatus() == KeyStatus.REVOKED || key.getStatus() == KeyStatus.DESTROYED)) {
                        budget -= revocations.revokeKeyVersion(entry.key, key.getVersion(), budget, now);
                    }
                }
            }
        }
    }
}
