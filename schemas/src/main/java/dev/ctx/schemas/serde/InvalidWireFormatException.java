package dev.ctx.schemas.serde;

/** The bytes are not Confluent-framed: too short for the 5-byte header, or the magic byte is not {@code 0x00}. */
public final class InvalidWireFormatException extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public InvalidWireFormatException(String topic, String problem) {
        super(topic, problem, null);
    }
}
