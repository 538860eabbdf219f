package dev.ctx.envelope.error;

/**
 * A receipt cannot be made or proven for a value outside [0, 2^64) minor units: a negative amount, one of 2^64 or
 * more, or one with more fraction digits than the minor unit. The message names the transaction, never the value.
 */
public class ValueOutOfRangeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public ValueOutOfRangeException(String message) {
        super(message);
    }
}
