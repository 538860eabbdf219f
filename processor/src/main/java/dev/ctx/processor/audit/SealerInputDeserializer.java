package dev.ctx.processor.audit;

import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.auditlog.CanonicalAvroBody;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentWireFormat;

/**
 * The sealer's source deserializer. A record whose writer schema is AccessEvent v4 and whose body {@link
 * CanonicalAvroBody} proves canonical is taken as it is; any other record is decoded by the access-event serde, which
 * also throws for anything undecodable, so the dead-letter handling is the serde's. The writer schema is checked by
 * the serde ({@link ConfluentAvroSerde#writerSchema}) either way; a serde that is not a {@link ConfluentAvroSerde}
 * always decodes. Thread-safe: one instance serves every stream thread.
 */
final class SealerInputDeserializer implements Deserializer<SealerInput> {

    private final Deserializer<AccessEvent> decoder;
    private final ConfluentAvroSerde<AccessEvent> frames;
    private volatile Verdict last;

    private SealerInputDeserializer(Deserializer<AccessEvent> decoder, ConfluentAvroSerde<AccessEvent> frames) {
        this.decoder = decoder;
        this.frames = frames;
    }

    static SealerInputDeserializer of(Serde<AccessEvent> accessEventSerde) {
        return new SealerInputDeserializer(
                accessEventSerde.deserializer(),
                accessEventSerde instanceof ConfluentAvroSerde<AccessEvent> confluent ? confluent : null);
    }

    @Override
    public SealerInput deserialize(String topic, byte[] payload) {
        if (payload == null) {
            return null;
        }
        if (frames != null && readable(frames.writerSchema(topic, payload))) {
            CanonicalAvroBody body = CanonicalAvroBody.read(payload, ConfluentWireFormat.HEADER_SIZE);
            if (body != null) {
                return SealerInput.canonical(body);
            }
        }
        AccessEvent event = decoder.deserialize(topic, payload);
        return event == null ? null : SealerInput.decoded(event);
    }

    /** Whether bodies of {@code writer} can be taken as they are; remembered for the last writer schema seen. */
    private boolean readable(Schema writer) {
        Verdict verdict = last;
        if (verdict == null || verdict.writer() != writer) {
            verdict = new Verdict(writer, CanonicalAvroBody.readsBodiesOf(writer));
            last = verdict;
        }
        return verdict.readable();
    }

    private record Verdict(Schema writer, boolean readable) {}
}
