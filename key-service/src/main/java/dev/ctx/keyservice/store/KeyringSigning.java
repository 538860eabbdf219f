package dev.ctx.keyservice.store;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.signing.KeyringSigner;
import dev.ctx.schemas.keys.ParticipantKeyring;

/**
 * The store's keyring signer, which replayed keyrings it admits, and the unsigned ones a replay adopted. A replay
 * admits only keyrings this signer signed, under their own id; the one exception is the start that created the signing
 * key (the upgrade to signed keyrings), whose replay adopts the unsigned keyrings written before. Thread-safe.
 */
final class KeyringSigning {

    private static final Logger LOGGER = LoggerFactory.getLogger(KeyringSigning.class);

    private volatile KeyringSigner signer;
    private volatile boolean adoptUnsigned;
    private final Map<ParticipantId, Participant> adopted = new ConcurrentHashMap<>();

    /**
     * @param adoptUnsignedOnce the next replay also admits unsigned keyrings (only when the signing key was just
     * created)
     */
    void install(KeyringSigner keyringSigner, boolean adoptUnsignedOnce) {
        this.signer = Objects.requireNonNull(keyringSigner, "keyringSigner");
        this.adoptUnsigned = adoptUnsignedOnce;
    }

    /** Whether {@link #install} was called (a replica may take over the store before it loaded its signer). */
    boolean installed() {
        return signer != null;
    }

    /** @throws IllegalStateException naming {@code before} when no signer is installed yet */
    KeyringSigner signer(String before) {
        KeyringSigner keyringSigner = signer;
        if (keyringSigner == null) {
            throw new IllegalStateException("no keyring signer installed; call signWith before " + before);
        }
        return keyringSigner;
    }

    /** Starts a replay: whether it may adopt unsigned keyrings (true at most once). */
    boolean startReplay() {
        boolean adopting = adoptUnsigned;
        adoptUnsigned = false;
        return adopting;
    }

    /** Whether the keyring replayed under {@code recordKey} is the service's own; logs the refusal of any other. */
    boolean admits(
            String topic, String recordKey, ParticipantKeyring keyring, KeyringSigner keyringSigner, boolean adopting) {
        boolean unsigned = keyring.getSignature() == null;
        boolean ownKey = recordKey.equals(keyring.getParticipantId());
        if (ownKey && (keyringSigner.signed(keyring) || (adopting && unsigned))) {
            return true;
        }
        LOGGER.atError()
                .addKeyValue("topicName", topic)
                .addKeyValue("recordKey", recordKey)
                .addKeyValue("reason", !ownKey ? "record_key_mismatch" : unsigned ? "unsigned" : "bad_signature")
                .log("keyring not written by this key service refused on replay; its participant is not loaded");
        return false;
    }

    /** Remembers a participant whose keyring was admitted unsigned, to be rewritten signed. */
    void adopted(Participant participant) {
        adopted.put(participant.id(), participant);
    }

    /** The participants adopted unsigned and not yet rewritten. */
    Map<ParticipantId, Participant> adopted() {
        return Map.copyOf(adopted);
    }

    void clearAdopted() {
        adopted.clear();
    }
}
