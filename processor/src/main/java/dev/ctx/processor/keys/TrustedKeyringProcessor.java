package dev.ctx.processor.keys;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * Materializes {@code participant-keys} into the global keyring store, keeping only keyrings {@link KeyringTrust}
 * accepts. A refused keyring replaces the participant's entry with an {@linkplain #untrusted() untrusted marker} (never
 * skipped: skipping would keep an older, possibly revoked, keyring in use), is counted and is logged with its
 * coordinates (topic, partition, offset, record key), never its content. A validly signed keyring with a lower
 * {@code revision} than the trusted one held (a replayed, superseded keyring) is ignored and counted, and the newer one
 * stays. Kafka Streams also runs this processor while it restores the global store, so a restart verifies every
 * keyring again. A tombstone removes the entry.
 */
public final class TrustedKeyringProcessor implements Processor<String, ParticipantKeyring, Void, Void> {

    private static final Logger LOGGER = LoggerFactory.getLogger(TrustedKeyringProcessor.class);

    /** Counts refused keyrings by reason (a metrics hook without secrets). */
    @FunctionalInterface
    public interface UntrustedCounter {
        void untrustedKeyring(UntrustedReason reason);
    }

    private final String storeName;
    private final KeyringTrust trust;
    private final UntrustedCounter counter;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> store;

    public TrustedKeyringProcessor(String storeName, KeyringTrust trust, UntrustedCounter counter) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    @Override
    public void init(ProcessorContext<Void, Void> processorContext) {
        this.context = processorContext;
        TimestampedKeyValueStore<String, ParticipantKeyring> timestamped = processorContext.getStateStore(storeName);
        this.store = timestamped;
    }

    @Override
    public void process(Record<String, ParticipantKeyring> record) {
        String key = record.key();
        if (key == null) {
            refuse(record, UntrustedReason.RECORD_KEY_MISMATCH);
            return;
        }
        if (record.value() == null) {
            store.delete(key);
            return;
        }
        Optional<UntrustedReason> problem = trust.check(key, record.value());
        if (problem.isPresent()) {
            refuse(record, problem.get());
            store.put(key, ValueAndTimestamp.make(untrusted(), record.timestamp()));
        } else if (isOlderThanTheTrustedOneHeld(key, record.value())) {
            refuse(record, UntrustedReason.STALE_REVISION);
        } else {
            store.put(key, ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
    }

    private boolean isOlderThanTheTrustedOneHeld(String key, ParticipantKeyring incoming) {
        ValueAndTimestamp<ParticipantKeyring> held = store.get(key);
        return held != null
                && key.equals(held.value().getParticipantId())
                && held.value().getRevision() > incoming.getRevision();
    }

    private void refuse(Record<String, ParticipantKeyring> record, UntrustedReason reason) {
        counter.untrustedKeyring(reason);
        Optional<RecordMetadata> metadata = context.recordMetadata();
        LOGGER.atWarn()
                .addKeyValue("topicName", metadata.map(RecordMetadata::topic).orElse(null))
                .addKeyValue(
                        "partition", metadata.map(RecordMetadata::partition).orElse(null))
                .addKeyValue("offset", metadata.map(RecordMetadata::offset).orElse(null))
                .addKeyValue("recordKey", record.key())
                .addKeyValue("reason", reason.tag())
                .log("untrusted keyring; its participant is disabled "
                        + "until a keyring signed by the key service replaces it");
    }

    /**
     * The marker stored for a refused keyring: its empty {@code participantId} never equals a lookup id, which the
     * {@link RecipientResolver} reports as {@code UNTRUSTED_KEYRING}.
     */
    static ParticipantKeyring untrusted() {
        return ParticipantKeyring.newBuilder()
                .setParticipantId("")
                .setRole(ParticipantRole.UNKNOWN)
                .setStatus(ParticipantStatus.UNKNOWN)
                .setKycStatus(KycStatus.UNKNOWN)
                .setCurrentVersion(0)
                .setKeys(List.of())
                .setUpdatedAt(Instant.EPOCH)
                .build();
    }
}
