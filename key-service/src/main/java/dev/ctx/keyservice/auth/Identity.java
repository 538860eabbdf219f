package dev.ctx.keyservice.auth;

import java.util.Objects;

/**
 * An authenticated caller.
 *
 * @param subject the authenticated name (JWT {@code sub} or certificate CN)
 * @param role its role
 * @param method how it authenticated: {@code jwt} or {@code mtls}
 */
public record Identity(String subject, Role role, String method) {

    public Identity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
    }

    /** True if this is the participant {@code participantId} itself. */
    public boolean isParticipant(String participantId) {
        return role == Role.PARTICIPANT && subject.equals(participantId);
    }
}
