package dev.ctx.keyservice.rotation;

import dev.ctx.keyservice.participants.ParticipantId;

/**
 * A key created by max-age rotation.
 *
 * @param participantId whose key
 * @param version the new current version
 */
public record RotatedKey(ParticipantId participantId, int version) {}
