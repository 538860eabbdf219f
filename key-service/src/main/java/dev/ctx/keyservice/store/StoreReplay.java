package dev.ctx.keyservice.store;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.custody.CustodyRecord;
import dev.ctx.keyservice.custody.CustodyRecordFormatV2;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantState;
import dev.ctx.keyservice.signing.KeyringSigner;
import dev.ctx.schemas.keys.ParticipantKeyring;

/** Replays the compacted key topics (read_committed) into every participant's state, admitting only own keyrings. */
final class StoreReplay {

    private static final Logger LOGGER = LoggerFactory.getLogger(StoreReplay.class);

    private final StoreConfig config;
    private final Serde<ParticipantKeyring> keyringSerde;
    private final KeyringSigning signing;

    StoreReplay(StoreConfig config, Serde<ParticipantKeyring> keyringSerde, KeyringSigning signing) {
        this.config = config;
        this.keyringSerde = keyringSerde;
        this.signing = signing;
    }

    Map<ParticipantId, ParticipantState> participants() {
        String keysTopic = config.topics().participantKeys();
        Map<String, ParticipantKeyring> keyrings = TopicReplayer.replay(
                config.clientProperties(),
                config.timeout(),
                keysTopic,
                bytes -> keyringSerde.deserializer().deserialize(keysTopic, bytes));
        Map<String, CustodyRecord> custody = custody();
        KeyringSigner signer = signing.signer("load");
        boolean adopting = signing.startReplay();
        Map<ParticipantId, ParticipantState> states = new HashMap<>();
        keyrings.forEach((id, keyring) -> {
            if (signing.admits(keysTopic, id, keyring, signer, adopting)) {
                Participant participant = KeyringMapper.fromAvro(keyring);
                states.put(
                        participant.id(),
                        new ParticipantState(participant, custody.getOrDefault(id, CustodyRecord.empty(id))));
                if (keyring.getSignature() == null) {
                    signing.adopted(participant);
                }
            }
        });
        LOGGER.atInfo().addKeyValue("participants", states.size()).log("key store replayed");
        return states;
    }

    /** The last custody record per id on {@code key-custody}. */
    Map<String, CustodyRecord> custody() {
        return TopicReplayer.replay(
                config.clientProperties(),
                config.timeout(),
                config.topics().keyCustody(),
                CustodyRecordFormatV2::deserialize);
    }
}
