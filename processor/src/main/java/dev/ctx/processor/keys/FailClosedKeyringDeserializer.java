package dev.ctx.processor.keys;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.serde.AvroSerdeException;
import dev.ctx.schemas.serde.SchemaLookupException;

/**
 * Reads keyrings so that an undecodable one disables its participant instead of being skipped: skipping would keep
 * the previous keyring in the global store, so an unreadable revocation would leave a revoked key in use. The
 * replacement keyring has status {@code UNKNOWN} and no key, which every recipient check rejects. A registry outage
 * still throws (the record may be fine; the task must not guess).
 */
public final class FailClosedKeyringDeserializer implements Deserializer<ParticipantKeyring> {

    private static final Logger LOGGER = LoggerFactory.getLogger(FailClosedKeyringDeserializer.class);

    private final Deserializer<ParticipantKeyring> delegate;

    public FailClosedKeyringDeserializer(Deserializer<ParticipantKeyring> delegate) {
        this.delegate = delegate;
    }

    @Override
    public ParticipantKeyring deserialize(String topic, byte[] data) {
        try {
            return delegate.deserialize(topic, data);
        } catch (SchemaLookupException registryFailure) {
            throw registryFailure;
        } catch (AvroSerdeException undecodable) {
            LOGGER.atWarn()
                    .addKeyValue("topicName", topic)
                    .addKeyValue("error", undecodable.getClass().getSimpleName())
                    .log("undecodable keyring; its participant is disabled until a valid keyring replaces it");
            return disabled();
        }
    }

    @Override
    public ParticipantKeyring deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** A keyring that no recipient check accepts: the same marker as a refused signature. */
    static ParticipantKeyring disabled() {
        return TrustedKeyringProcessor.untrusted();
    }
}
