package dev.ctx.processor.keys;

import java.util.Locale;

/** Why a keyring read from {@code participant-keys} was refused; the metric tag value is {@link #tag()}. */
public enum UntrustedReason {

    /** No signature, or a signature that is not 64 bytes. */
    UNSIGNED,
    /** The signature does not verify with the pinned keyring-signing key (forged, altered, or another signer). */
    BAD_SIGNATURE,
    /** The keyring's {@code participantId} differs from its record key (a valid keyring copied under another id). */
    RECORD_KEY_MISMATCH,
    /** The escrow keyring's current key is not one of the pinned escrow fingerprints. */
    ESCROW_KEY_NOT_PINNED,
    /**
     * A validly signed keyring older ({@code revision}) than the trusted one already held: a replay of a superseded
     * keyring (e.g. from before a revocation). The newer keyring stays in use.
     */
    STALE_REVISION;

    /** Lower-case tag value, e.g. {@code bad_signature}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
