package dev.ctx.keyservice.participants;

import java.util.Objects;
import java.util.regex.Pattern;

import dev.ctx.envelope.Recipient;

/**
 * A validated participant id: 1-64 characters from {@code [A-Za-z0-9._-]}, starting with a letter or digit. The
 * reserved id {@code __escrow} of the audit escrow key is only available as {@link #ESCROW}.
 *
 * @param value the id
 */
public record ParticipantId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String ESCROW_VALUE = Recipient.ESCROW_ID;
    /** The reserved participant id of the audit escrow key. */
    public static final ParticipantId ESCROW = new ParticipantId(ESCROW_VALUE);

    public ParticipantId {
        Objects.requireNonNull(value, "value");
        if (!ESCROW_VALUE.equals(value) && !VALID.matcher(value).matches()) {
            throw new InvalidParticipantIdException();
        }
    }

    /**
     * Parses a caller-supplied id; the reserved escrow id is refused.
     *
     * @throws InvalidParticipantIdException if the id is malformed or reserved
     */
    public static ParticipantId parse(String value) {
        if (value == null || ESCROW_VALUE.equals(value)) {
            throw new InvalidParticipantIdException();
        }
        return new ParticipantId(value);
    }

    /** Reads an id from the store, where the escrow id is legitimate. */
    public static ParticipantId fromStore(String value) {
        return new ParticipantId(value);
    }

    public boolean isEscrow() {
        return ESCROW_VALUE.equals(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
