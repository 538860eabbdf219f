package dev.ctx.processor.keys;

import java.util.Optional;

import dev.ctx.schemas.keys.ParticipantKeyring;

/** Reads the current public keyring of a participant. */
@FunctionalInterface
public interface KeyringLookup {

    /** The keyring stored under {@code participantId}, if any. */
    Optional<ParticipantKeyring> find(String participantId);
}
