package dev.ctx.envelope.format;

import dev.ctx.envelope.error.InvalidInputException;

/** Validation shared by every place that names a recipient. */
public final class Recipients {

    /** Reserved recipient id of the audit escrow key. */
    public static final String ESCROW_ID = "__escrow";
    /** Longest id, in UTF-8 bytes, the length-prefixed encodings accept. */
    public static final int MAX_ID_BYTES = 0xFFFF;

    private Recipients() {}

    /**
     * Returns {@code id} if it is a non-blank id that fits the encodings, else throws {@link InvalidInputException}.
     */
    public static String checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("recipient id must not be null or blank");
        }
        ContextEncoding.utf8Checked(id, "recipient id");
        return id;
    }

    /** Returns {@code keyVersion} if it is not negative, else throws {@link InvalidInputException}. */
    public static int checkKeyVersion(int keyVersion) {
        if (keyVersion < 0) {
            throw new InvalidInputException("key version must not be negative, got " + keyVersion);
        }
        return keyVersion;
    }
}
