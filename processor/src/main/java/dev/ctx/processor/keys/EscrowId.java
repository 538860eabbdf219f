package dev.ctx.processor.keys;

import dev.ctx.envelope.Recipient;

/** The reserved participant id of the audit escrow key. */
public final class EscrowId {

    /** Keyring id of the escrow key on {@code participant-keys}; never a transaction participant. */
    public static final String RESERVED = Recipient.ESCROW_ID;

    private EscrowId() {
    }
}
