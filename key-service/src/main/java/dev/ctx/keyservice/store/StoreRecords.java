package dev.ctx.keyservice.store;

import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

import dev.ctx.keyservice.custody.CustodyRecord;
import dev.ctx.keyservice.custody.CustodyRecordFormatV2;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.keyservice.signing.KeyringSigner;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.keys.ParticipantKeyring;

/** Builds the store's records, keyed by the participant id: access event, signed keyring, custody record. */
final class StoreRecords {

    private final StoreTopics topics;
    private final Serde<ParticipantKeyring> keyringSerde;
    private final Serde<AccessEvent> eventSerde;

    StoreRecords(StoreTopics topics, Serde<ParticipantKeyring> keyringSerde, Serde<AccessEvent> eventSerde) {
        this.topics = topics;
        this.keyringSerde = keyringSerde;
        this.eventSerde = eventSerde;
    }

    ProducerRecord<String, byte[]> event(String key, AccessEvent event) {
        byte[] bytes = serialize(key, () -> eventSerde.serializer().serialize(topics.accessEvents(), event));
        return new ProducerRecord<>(topics.accessEvents(), key, bytes);
    }

    /** The keyring of {@code participant}, signed by {@code signer}. */
    ProducerRecord<String, byte[]> keyring(String key, Participant participant, KeyringSigner signer) {
        byte[] bytes = serialize(
                key,
                () -> keyringSerde
                        .serializer()
                        .serialize(topics.participantKeys(), signer.sign(KeyringMapper.toAvro(participant))));
        return new ProducerRecord<>(topics.participantKeys(), key, bytes);
    }

    ProducerRecord<String, byte[]> custody(String key, CustodyRecord custody) {
        return new ProducerRecord<>(topics.keyCustody(), key, CustodyRecordFormatV2.serialize(custody));
    }

    /** Serialization talks to the schema registry; its failures are store failures, not server errors. */
    private static byte[] serialize(String key, Supplier<byte[]> serializer) {
        try {
            return serializer.get();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(
                    "cannot serialize the record for " + key + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
