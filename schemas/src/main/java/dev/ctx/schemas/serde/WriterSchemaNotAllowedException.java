package dev.ctx.schemas.serde;

/**
 * The writer schema named by the header is not on the reader's allow-list ({@link WriterSchemaAllowList}); raised
 * before any field of the record is read. The message names the schema id and its fingerprint only.
 */
public final class WriterSchemaNotAllowedException extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    private final int schemaId;
    private final String fingerprint;

    /** Creates the exception. */
    public WriterSchemaNotAllowedException(String topic, int schemaId, String fingerprint) {
        super(topic, "writer schema " + schemaId + " (sha256 " + fingerprint + ") is not on the allow-list", null);
        this.schemaId = schemaId;
        this.fingerprint = fingerprint;
    }

    /** Returns the id of the refused writer schema. */
    public int schemaId() {
        return schemaId;
    }

    /** Returns the {@link WriterSchemaFingerprint} of the refused writer schema. */
    public String fingerprint() {
        return fingerprint;
    }
}
