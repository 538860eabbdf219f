package dev.ctx.keyservice.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.ctx.keyservice.custody.CustodyRecord;
import dev.ctx.keyservice.custody.CustodyRecordFormatV2;
import dev.ctx.keyservice.custody.SealedPrivateKey;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantState;
import dev.ctx.keyservice.participants.ParticipantStore;
import dev.ctx.keyservice.participants.RecoveryGate;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.keyservice.signing.SigningKeyStore;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.keys.ParticipantKeyring;

/**
 * A {@link ParticipantStore} in memory, for fast unit tests of the lifecycle rules: the same contract as
 * {@link KafkaParticipantStore} without Kafka. A commit encodes the keyring (Avro, as on {@code participant-keys}), the
 * custody record ({@link CustodyRecordFormatV2}, as on {@code key-custody}) and the access event first, then applies
 * all three at once, or nothing when {@link #failCommits(int)} makes it fail; {@link #load()} decodes what was
 * committed, as a replay would. Keyrings are not signed (signing is the Kafka store's own check on replay).
 * Thread-safe.
 */
public final class InMemoryParticipantStore implements ParticipantStore, SigningKeyStore {

    private final Map<String, byte[]> keyrings = new LinkedHashMap<>();
    private final Map<String, byte[]> custody = new LinkedHashMap<>();
    private final List<byte[]> events = new ArrayList<>();
    private volatile RecoveryGate gate = RecoveryGate.NONE;
    private int failures;

    @Override
    public synchronized Map<ParticipantId, ParticipantState> load() {
        Map<ParticipantId, ParticipantState> states = new LinkedHashMap<>();
        keyrings.forEach((id, bytes) -> {
            Participant participant = KeyringMapper.fromAvro(decodeKeyring(bytes));
            CustodyRecord record = Optional.ofNullable(custody.get(id))
                    .map(CustodyRecordFormatV2::deserialize)
                    .orElse(CustodyRecord.empty(id));
            states.put(participant.id(), new ParticipantState(participant, record));
        });
        return states;
    }

    @Override
    public synchronized void commit(ParticipantState state, AccessEvent event) {
        String id = state.participant().id().value();
        byte[] eventBytes = encode(Objects.requireNonNull(event, "event"));
        byte[] keyring = encode(KeyringMapper.toAvro(state.participant()));
        byte[] custodyBytes = CustodyRecordFormatV2.serialize(state.custody());
        failIfAsked(id);
        events.add(eventBytes);
        keyrings.put(id, keyring);
        custody.put(id, custodyBytes);
    }

    @Override
    public void onRecovery(RecoveryGate recoveryGate) {
        this.gate = Objects.requireNonNull(recoveryGate, "gate");
    }

    /** Replays the committed state into the registered in-memory view, as the Kafka store does after recovering. */
    public void replayIntoView() {
        gate.replaceWith(this::load);
    }

    /** The next {@code count} commits fail with {@link StoreUnavailableException} and write nothing. */
    public synchronized void failCommits(int count) {
        failures = count;
    }

    /** Every committed access event, in commit order. */
    public synchronized List<AccessEvent> events() {
        return events.stream().map(InMemoryParticipantStore::decodeEvent).toList();
    }

    @Override
    public synchronized Optional<SealedPrivateKey> loadSigningKey(String ownerId) {
        return Optional.ofNullable(custody.get(ownerId))
                .map(CustodyRecordFormatV2::deserialize)
                .flatMap(record -> record.keys().stream().reduce((a, b) -> b));
    }

    @Override
    public synchronized List<String> signingKeyOwners(String prefix) {
        return custody.keySet().stream()
                .filter(owner -> owner.startsWith(prefix))
                .toList();
    }

    @Override
    public synchronized void storeSigningKey(String ownerId, SealedPrivateKey sealed) {
        byte[] bytes = CustodyRecordFormatV2.serialize(new CustodyRecord(ownerId, List.of(sealed)));
        failIfAsked(ownerId);
        custody.put(ownerId, bytes);
    }

    private void failIfAsked(String key) {
        if (failures > 0) {
            failures--;
            throw new StoreUnavailableException("write for " + key + " was not acknowledged (injected failure)", null);
        }
    }

    private static byte[] encode(ParticipantKeyring keyring) {
        try {
            return bytes(keyring.toByteBuffer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(AccessEvent event) {
        try {
            return bytes(event.toByteBuffer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParticipantKeyring decodeKeyring(byte[] bytes) {
        try {
            return ParticipantKeyring.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AccessEvent decodeEvent(byte[] bytes) {
        try {
            return AccessEvent.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
