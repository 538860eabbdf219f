package dev.ctx.processor.encrypt;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;

/** Maps a seal result to the first {@link Envelope} generation of a transaction. */
public final class Envelopes {

    /** Layout version of the Envelope record written here. */
    public static final int FORMAT_VERSION = 1;
    /** Generation of an envelope written by the encryption topology; rewraps increment it. */
    public static final int FIRST_GENERATION = 1;

    private Envelopes() {}

    public static Envelope firstGeneration(String transactionId, SealResult sealed, Instant createdAt) {
        List<RecipientWrap> wraps = sealed.wraps().stream()
                .map(wrap -> RecipientWrap.newBuilder()
                        .setRecipientId(wrap.recipient().id())
                        .setRecipientType(wrap.recipient().type())
                        .setKeyVersion(wrap.recipient().keyVersion())
                        .setWrap(ByteBuffer.wrap(wrap.wrap()))
                        .build())
                .toList();
        return Envelope.newBuilder()
                .setFormatVersion(FORMAT_VERSION)
                .setTransactionId(transactionId)
                .setGeneration(FIRST_GENERATION)
                .setCreatedAt(createdAt)
                .setWraps(wraps)
                .setSealId(ByteBuffer.wrap(sealed.sealId()))
                .build();
    }
}
